#pragma once
// A TCP relay in the test process: hpascope connects to 127.0.0.1:port() and every connection is
// piped, bytes untouched (TLS end to end), to the API server. cut() drops every connection and
// stops listening, so hpascope sees its watch die and its dials refused while the API server
// itself keeps serving other clients; resume() listens on the same port again.
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace e2e {

class TcpRelay : public QObject {
public:
    TcpRelay(QString host, quint16 port) : m_host(std::move(host)), m_port(port)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection())
                pipe(in);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, m_listenPort); }
    quint16 port() const { return m_server.serverPort(); }
    int accepted() const { return m_accepted; }

    void cut()
    {
        m_listenPort = m_server.serverPort();
        m_server.close();
        for (const QPointer<QTcpSocket> &s : std::as_const(m_sockets))
            if (s)
                s->abort();
        m_sockets.clear();
    }
    bool resume() { return listen(); }

private:
    void pipe(QTcpSocket *in)
    {
        ++m_accepted;
        auto *out = new QTcpSocket(this);
        in->setParent(this);
        m_sockets << in << out;
        auto forward = [](QTcpSocket *from, QTcpSocket *to) {
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        };
        connect(in, &QTcpSocket::readyRead, out, [=] { forward(in, out); });
        connect(out, &QTcpSocket::readyRead, in, [=] { forward(out, in); });
        connect(out, &QTcpSocket::connected, in, [=] { forward(in, out); });
        auto close = [=] {
            in->disconnectFromHost();
            out->disconnectFromHost();
            in->deleteLater();
            out->deleteLater();
        };
        connect(in, &QTcpSocket::disconnected, this, close);
        connect(out, &QTcpSocket::disconnected, this, close);
        connect(out, &QTcpSocket::errorOccurred, this, close);
        out->connectToHost(m_host, m_port);
    }

    QTcpServer m_server;
    QString m_host;
    quint16 m_port;
    quint16 m_listenPort = 0;
    int m_accepted = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace e2e

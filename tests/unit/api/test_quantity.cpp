// Quantity against the behaviour of k8s.io/apimachinery/pkg/api/resource (cases restated from
// its quantity_test.go: parse, canonical String(), MilliValue/Value, Cmp, invalid input).
#include "kube/api/quantity.h"

#include <QObject>
#include <QTest>

#include <limits>

using kube::api::Quantity;
using kube::api::QuantityFormat;

namespace {
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

QByteArray formatName(QuantityFormat f)
{
    const auto s = kube::api::nameOf(f);
    return QByteArray(s.data(), static_cast<int>(s.size()));
}
} // namespace

class TestQuantity : public QObject {
    Q_OBJECT

private slots:
    void parseCanonical_data();
    void parseCanonical();
    void scaledValues_data();
    void scaledValues();
    void invalid_data();
    void invalid();
    void compare_data();
    void compare();
    void constructors_data();
    void constructors();
    void canonicalRoundTrips_data();
    void canonicalRoundTrips();
    void asDouble();
};

void TestQuantity::parseCanonical_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QByteArray>("format");

    struct Row {
        const char *input, *canonical, *format;
    };
    const Row rows[] = {
        // zeros keep the format their suffix implies but always print as "0"
        {"0", "0", "DecimalSI"},
        {"0n", "0", "DecimalSI"},
        {"0Ki", "0", "BinarySI"},
        {"0Mi", "0", "BinarySI"},
        {"0T", "0", "DecimalSI"},
        {"-0", "0", "DecimalSI"},
        // plain and binary suffixes
        {"1", "1", "DecimalSI"},
        {"1Ki", "1Ki", "BinarySI"},
        {"8Ki", "8Ki", "BinarySI"},
        {"7Mi", "7Mi", "BinarySI"},
        {"6Gi", "6Gi", "BinarySI"},
        {"5Ti", "5Ti", "BinarySI"},
        {"4Pi", "4Pi", "BinarySI"},
        {"3Ei", "3Ei", "BinarySI"},
        {"100Ti", "100Ti", "BinarySI"},
        // decimal suffixes
        {"5n", "5n", "DecimalSI"},
        {"4u", "4u", "DecimalSI"},
        {"3m", "3m", "DecimalSI"},
        {"8k", "8k", "DecimalSI"},
        {"50k", "50k", "DecimalSI"},
        {"7M", "7M", "DecimalSI"},
        {"6G", "6G", "DecimalSI"},
        {"5T", "5T", "DecimalSI"},
        {"40T", "40T", "DecimalSI"},
        {"300T", "300T", "DecimalSI"},
        {"2P", "2P", "DecimalSI"},
        {"1E", "1E", "DecimalSI"},
        {"12E", "12E", "DecimalSI"},
        // decimal exponents keep their format; the exponent becomes a multiple of 3
        {"1E-3", "1e-3", "DecimalExponent"},
        {"1e3", "1e3", "DecimalExponent"},
        {"1E6", "1e6", "DecimalExponent"},
        {"1e13", "10e12", "DecimalExponent"},
        {"1e14", "100e12", "DecimalExponent"},
        {"0.5e0", "500e-3", "DecimalExponent"},
        {"0.5e-2", "5e-3", "DecimalExponent"},
        {"1.2e3", "1200", "DecimalExponent"},
        {"1.3E+6", "1300e3", "DecimalExponent"},
        {"1.53E12", "1530e9", "DecimalExponent"},
        {"50e-3", "50e-3", "DecimalExponent"},
        {"1e1000", "10e999", "DecimalExponent"},
        // fractions: no fractional digits, largest suffix that loses nothing
        {"1.5", "1500m", "DecimalSI"},
        {"0.1", "100m", "DecimalSI"},
        {"0.001", "1m", "DecimalSI"},
        {"0.0005k", "500m", "DecimalSI"},
        {"0.5", "500m", "DecimalSI"},
        {"100.035k", "100035", "DecimalSI"},
        {"10.035M", "10035k", "DecimalSI"},
        {"9.01", "9010m", "DecimalSI"},
        {"8.1k", "8100", "DecimalSI"},
        {"7.123456M", "7123456", "DecimalSI"},
        {"6.987654321G", "6987654321", "DecimalSI"},
        {"5.444T", "5444G", "DecimalSI"},
        {"2.5P", "2500T", "DecimalSI"},
        {"1.01E", "1010P", "DecimalSI"},
        {"4.2E", "4200P", "DecimalSI"},
        {"1.2345", "1234500u", "DecimalSI"},
        {"1.000000001", "1000000001n", "DecimalSI"},
        {"1000m", "1", "DecimalSI"},
        {"1000M", "1G", "DecimalSI"},
        {"300m", "300m", "DecimalSI"},
        {"-1.5", "-1500m", "DecimalSI"},
        {"-100m", "-100m", "DecimalSI"},
        {"+5", "5", "DecimalSI"},
        // beyond int64 and beyond the E suffix
        {"18446744073709551616", "18446744073709551616", "DecimalSI"},
        {"1000E", "1e21", "DecimalSI"},
        // sub-nano values round away from zero to the next nano
        {"3.001n", "4n", "DecimalSI"},
        {"1.1E-9", "2e-9", "DecimalExponent"},
        {"0.0000000001", "1n", "DecimalSI"},
        {"0.0000000005", "1n", "DecimalSI"},
        {"0.9n", "1n", "DecimalSI"},
        {"0.00000012345", "124n", "DecimalSI"},
        {"-0.9n", "-1n", "DecimalSI"},
        // binary: capped at 2^63-1, fractions and |q| < 1024 print as decimal
        {"9Ei", "9223372036854775807", "BinarySI"},
        {"9223372036854775807Ki", "9223372036854775807", "BinarySI"},
        {"-9Ei", "-9223372036854775807", "BinarySI"},
        {"100.035Ki", "102435840m", "BinarySI"},
        {"0.5Mi", "512Ki", "BinarySI"},
        {"0.05Gi", "53687091200m", "BinarySI"},
        {"0.025Ti", "27487790694400m", "BinarySI"},
        {"0.1Gi", "107374182400m", "BinarySI"},
        {"1.5Gi", "1536Mi", "BinarySI"},
        {"1.5Ki", "1536", "BinarySI"},
        {"1536Ki", "1536Ki", "BinarySI"},
        {"1024Mi", "1Gi", "BinarySI"},
        {"1024Ki", "1Mi", "BinarySI"},
        {"-1Ki", "-1Ki", "BinarySI"},
        {"-0.5Ki", "-512", "BinarySI"},
        {".001Ki", "1024m", "BinarySI"},
        {".000001Ki", "1024u", "DecimalSI"},
        {".000000001Ki", "1024n", "DecimalSI"},
        {"0.000000000001Ki", "2n", "DecimalSI"},
        {".000000000001Ki", "2n", "DecimalSI"},
        // odd but accepted spellings
        {".001", "1m", "DecimalSI"},
        {".0001k", "100m", "DecimalSI"},
        {"1.", "1", "DecimalSI"},
        {"1.G", "1G", "DecimalSI"},
        {".", "0", "DecimalSI"},
        {"-.", "0", "DecimalSI"},
        {"007", "7", "DecimalSI"},
    };
    for (const auto &r : rows)
        QTest::newRow(r.input) << QByteArray(r.input) << QByteArray(r.canonical)
                               << QByteArray(r.format);
}

void TestQuantity::parseCanonical()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    QFETCH(QByteArray, format);
    const auto q = Quantity::parse(input.toStdString());
    QVERIFY2(q.ok(), q.ok() ? "" : q.error().message.c_str());
    QCOMPARE(QByteArray::fromStdString(q->toString()), canonical);
    QCOMPARE(formatName(q->format()), format);
}

void TestQuantity::scaledValues_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("milli");
    QTest::addColumn<qint64>("value");

    struct Row {
        const char *input;
        qint64 milli, value;
    };
    const Row rows[] = {
        {"300m", 300, 1},
        {"1", 1000, 1},
        {"1.5", 1500, 2},
        {"0.0001", 1, 1},
        {"1n", 1, 1},
        {"1234567u", 1235, 2},
        {"-1.5", -1500, -2},
        {"-0.0001", -1, -1},
        {"1Ki", 1024000, 1024},
        {"2k", 2000000, 2000},
        {"100Gi", 107374182400000, 107374182400},
        {"0", 0, 0},
        {"1e-3", 1, 1},
        {"9Ei", kMax, kMax},
        {"-9Ei", kMin, -kMax},
        {"1e30", kMax, kMax},
        {"-1e30", kMin, kMin},
        {"9223372036854775808", kMax, kMax},
    };
    for (const auto &r : rows)
        QTest::newRow(r.input) << QByteArray(r.input) << r.milli << r.value;
}

void TestQuantity::scaledValues()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, milli);
    QFETCH(qint64, value);
    const auto q = Quantity::parse(input.toStdString());
    QVERIFY(q.ok());
    QCOMPARE(static_cast<qint64>(q->milliValue()), milli);
    QCOMPARE(static_cast<qint64>(q->value()), value);
}

void TestQuantity::invalid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("why");

    struct Row {
        const char *name, *input, *why;
    };
    const Row rows[] = {
        {"empty", "", "the string is empty"},
        {"letter O for zero", "4OOm", "unexpected character 'O'"},
        {"two dots", "1.1.M", "unexpected character '.'"},
        {"inner sign", "1+1.0M", "unexpected character '.'"},
        {"lower-case mi", "0.1mi", "unknown suffix \"mi\""},
        {"letter a", "0.1am", "unexpected character 'a'"},
        {"word", "aoeu", "unexpected character 'a'"},
        {"bare i", ".5i", "unknown suffix \"i\""},
        {"1i", "1i", "unknown suffix \"i\""},
        {"negative i", "-3.01i", "unknown suffix \"i\""},
        {"dangling exponent sign", "-3.01e-", "invalid exponent \"e-\""},
        {"leading space", " 1", "unexpected character ' '"},
        {"trailing space", "1 ", "unexpected character ' '"},
        {"bare e", "1e", "unknown suffix \"e\""},
        {"two suffixes", "1kK", "unknown suffix \"kK\""},
        {"exponent then letter", "1e3e", "unexpected character 'e'"},
        {"Mii", "1Mii", "unknown suffix \"Mii\""},
        {"double sign", "--1", "unknown suffix \"-1\""},
        {"exponent overflow", "1e99999999999999999999", "invalid exponent"},
        {"no digits below nano", ".e-10", "the number has no digits"},
        {"comma", "1,5", "unexpected character ','"},
        {"control character", "1\tm", "unexpected character '\\x09'"},
    };
    for (const auto &r : rows)
        QTest::newRow(r.name) << QByteArray(r.input) << QByteArray(r.why);
}

void TestQuantity::invalid()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, why);
    const auto q = Quantity::parse(input.toStdString());
    QVERIFY(!q.ok());
    QCOMPARE(q.error().kind, kube::Error::Kind::Invalid);
    const std::string expectedStart = "\"" + input.toStdString() + "\" is not a Kubernetes quantity: ";
    const std::string &message = q.error().message;
    QVERIFY2(message.rfind(expectedStart, 0) == 0, message.c_str());
    QVERIFY2(message.find(why.toStdString()) != std::string::npos, message.c_str());
}

void TestQuantity::compare_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("expected");
    struct Row {
        const char *a, *b;
        int expected;
    };
    const Row rows[] = {
        {"0", "0", 0},          {"100m", "50m", 1},     {"50m", "100m", -1},
        {"10000T", "100Gi", 1}, {"1", "1000m", 0},      {"1Ki", "1024", 0},
        {"-1", "1", -1},        {"1e3", "1k", 0},       {"1e-3", "1m", 0},
        {"1E", "1e18", 0},      {"0.5", "499m", 1},     {"-2", "-1", -1},
        {"1e1000", "1e999", 1}, {"1n", "0", 1},         {"-1e1000", "-1", -1},
        {"0Ki", "0", 0},
    };
    for (const auto &r : rows)
        QTest::newRow(QByteArray(r.a).append(" vs ").append(r.b).constData())
            << QByteArray(r.a) << QByteArray(r.b) << r.expected;
}

void TestQuantity::compare()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(int, expected);
    const auto qa = Quantity::parse(a.toStdString());
    const auto qb = Quantity::parse(b.toStdString());
    QVERIFY(qa.ok() && qb.ok());
    QCOMPARE(qa->compare(*qb), expected);
    QCOMPARE(qb->compare(*qa), -expected);
    QCOMPARE(*qa == *qb, expected == 0);
    QCOMPARE(*qa < *qb, expected < 0);
}

void TestQuantity::constructors_data()
{
    QTest::addColumn<QByteArray>("made");
    QTest::addColumn<QByteArray>("canonical");
    const auto row = [](const char *name, const Quantity &q, const char *canonical) {
        QTest::newRow(name) << QByteArray::fromStdString(q.toString()) << QByteArray(canonical);
    };
    row("milli 1", Quantity::fromMilli(1), "1m");
    row("milli 1000", Quantity::fromMilli(1000), "1");
    row("milli 1234000", Quantity::fromMilli(1234000), "1234");
    row("milli 1024 binary", Quantity::fromMilli(1024, QuantityFormat::BinarySI), "1024m");
    row("milli 2^20 binary", Quantity::fromMilli(1048576, QuantityFormat::BinarySI), "1048576m");
    row("milli exponent", Quantity::fromMilli(1000000, QuantityFormat::DecimalExponent), "1e3");
    row("int 1000", Quantity::fromInt64(1000), "1k");
    row("int 1234000", Quantity::fromInt64(1234000), "1234k");
    row("int 1024 binary", Quantity::fromInt64(1024, QuantityFormat::BinarySI), "1Ki");
    row("int 2^20 binary", Quantity::fromInt64(1048576, QuantityFormat::BinarySI), "1Mi");
    row("int 5 binary", Quantity::fromInt64(5, QuantityFormat::BinarySI), "5");
    row("int exponent", Quantity::fromInt64(1000000, QuantityFormat::DecimalExponent), "1e6");
    row("int min", Quantity::fromInt64(kMin), "-9223372036854775808");
    row("nano 1000", Quantity::fromScaled(1000, -9), "1u");
    row("micro 1", Quantity::fromScaled(1, -6), "1u");
    row("scaled e21", Quantity::fromScaled(1, 21), "1e21");
    row("scaled 5e21", Quantity::fromScaled(5, 21), "5e21");
    row("scaled 1234567e6", Quantity::fromScaled(1234567, 6), "1234567M");
    row("default", Quantity(), "0");
}

void TestQuantity::constructors()
{
    QFETCH(QByteArray, made);
    QFETCH(QByteArray, canonical);
    QCOMPARE(made, canonical);
}

void TestQuantity::canonicalRoundTrips_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const char *s : {"1500m", "1536Mi", "1e21", "124n", "53687091200m", "-9010m", "1234500u",
                          "9223372036854775807", "10e999"})
        QTest::newRow(s) << QByteArray(s);
}

void TestQuantity::canonicalRoundTrips()
{
    // A canonical string parses back to itself with the same value.
    QFETCH(QByteArray, input);
    const auto q = Quantity::parse(input.toStdString());
    QVERIFY(q.ok());
    QCOMPARE(QByteArray::fromStdString(q->toString()), input);
    const auto again = Quantity::parse(q->toString());
    QVERIFY(again.ok());
    QCOMPARE(again->compare(*q), 0);
}

void TestQuantity::asDouble()
{
    QCOMPARE(Quantity::parse("300m")->asDouble(), 0.3);
    QCOMPARE(Quantity::parse("1.5Gi")->asDouble(), 1610612736.0);
    QCOMPARE(Quantity::parse("-2k")->asDouble(), -2000.0);
    QCOMPARE(Quantity::parse("0")->asDouble(), 0.0);
    QCOMPARE(Quantity::parse("1e-3")->asDouble(), 0.001);
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "test_quantity.moc"

#pragma once
// Really parse PEM material with OpenSSL at load time, so a broken certificate or key is
// reported against its kubeconfig entry instead of as an obscure TLS handshake failure later.
// Every function returns an empty string when the input is fine, else a problem description
// (never containing the input itself).
#include <string>
#include <string_view>

namespace kube::config {

// One or more "BEGIN CERTIFICATE" blocks, all parseable (a CA bundle or a client chain).
std::string checkCertificatesPem(std::string_view pem);
// Exactly one usable private key (PKCS#1, PKCS#8 or SEC1); encrypted keys are refused since
// there is nobody to type a pass phrase.
std::string checkPrivateKeyPem(std::string_view pem);
// The key belongs to the first certificate (what Go's tls.X509KeyPair checks).
std::string checkKeyMatchesCertificate(std::string_view certPem, std::string_view keyPem);
// Number of certificates in a bundle that checkCertificatesPem accepted (for descriptions).
int countCertificates(std::string_view pem);

} // namespace kube::config

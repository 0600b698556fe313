#include "kube/config/pem.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace kube::config {
namespace {

struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

BioPtr memBio(std::string_view data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

// OpenSSL's default callback would prompt on the controlling terminal; a GUI has none.
int noPassphrase(char *, int, int, void *) { return -1; }

std::string lastOpenSslError()
{
    unsigned long code = 0;
    unsigned long last = 0;
    while ((code = ERR_get_error()) != 0)
        last = code;
    if (last == 0)
        return "unknown error";
    const char *reason = ERR_reason_error_string(last);
    return reason ? reason : "unknown error";
}

std::size_t countOccurrences(std::string_view haystack, std::string_view needle)
{
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string_view::npos;
         pos = haystack.find(needle, pos + needle.size()))
        ++n;
    return n;
}

} // namespace

int countCertificates(std::string_view pem)
{
    return static_cast<int>(countOccurrences(pem, "-----BEGIN CERTIFICATE-----"));
}

std::string checkCertificatesPem(std::string_view pem)
{
    const std::size_t blocks = countOccurrences(pem, "-----BEGIN CERTIFICATE-----");
    if (blocks == 0) {
        if (countOccurrences(pem, "-----BEGIN ") > 0)
            return "contains PEM data but no certificate (no BEGIN CERTIFICATE block)";
        return "is not PEM (no BEGIN CERTIFICATE block)";
    }
    ERR_clear_error();
    BioPtr bio = memBio(pem);
    for (std::size_t i = 0; i < blocks; ++i) {
        X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr));
        if (!cert) {
            return "has a certificate block that cannot be parsed (certificate "
                + std::to_string(i + 1) + " of " + std::to_string(blocks) + ": "
                + lastOpenSslError() + ")";
        }
    }
    ERR_clear_error();
    return {};
}

std::string checkPrivateKeyPem(std::string_view pem)
{
    if (countOccurrences(pem, "PRIVATE KEY-----") == 0) {
        if (countOccurrences(pem, "-----BEGIN ") > 0)
            return "contains PEM data but no private key (no BEGIN ... PRIVATE KEY block)";
        return "is not PEM (no BEGIN ... PRIVATE KEY block)";
    }
    if (countOccurrences(pem, "ENCRYPTED") > 0)
        return "is an encrypted private key; hpascope cannot ask for a pass phrase";
    ERR_clear_error();
    BioPtr bio = memBio(pem);
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return "has a private key block that cannot be parsed (" + lastOpenSslError() + ")";
    ERR_clear_error();
    return {};
}

std::string checkKeyMatchesCertificate(std::string_view certPem, std::string_view keyPem)
{
    ERR_clear_error();
    BioPtr certBio = memBio(certPem);
    X509Ptr cert(PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr));
    BioPtr keyBio = memBio(keyPem);
    PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!cert || !key) {
        ERR_clear_error();
        return "could not be parsed";
    }
    const bool match = X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    return match ? std::string() : "does not match the client certificate's public key";
}

} // namespace kube::config

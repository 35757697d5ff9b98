// sha256.cc: OpenSSL's one-shot digest.
#include "migralint/sha256.h"

#include <openssl/evp.h>

#include <array>

namespace migralint {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // Fetched once: OpenSSL 3 looks the algorithm up in its providers on every call otherwise,
  // which costs more than hashing a small migration. (Never freed: it lives with the process.)
  static const EVP_MD* const kSha256 = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
  }();
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, kSha256, nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

}  // namespace migralint

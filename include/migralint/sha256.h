// sha256.h: SHA-256 (OpenSSL), for checksums and cache keys.
#pragma once

#include <string>
#include <string_view>

namespace migralint {

/// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace migralint

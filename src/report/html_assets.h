// html_assets.h: the stylesheet and script inlined into every --format html page
// (internal to src/report/).
#pragma once

#include <string_view>

namespace migralint::report {

std::string_view HtmlStyle();
std::string_view HtmlScript();

}  // namespace migralint::report

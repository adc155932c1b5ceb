#pragma once

// The labelled chat lines of the cases_*.inc tables next to this file: every
// contact type, every disguise, every language the policy team reads, and the
// hard negatives.

namespace cg::tests {

struct LabelledCase
{
    const char *name;
    const char *region;
    const char *text;
    const char *expected; // "type=text | type=text", in order; empty: nothing
};

inline const LabelledCase kLabelledCases[] = {
#include "cases_phone_email.inc"
#include "cases_apps_links.inc"
#include "cases_payment_address.inc"
#include "cases_requests.inc"
#include "cases_chat_lines.inc"
};

} // namespace cg::tests

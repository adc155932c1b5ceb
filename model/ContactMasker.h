#pragma once

#include "DetectedSpan.h"

#include <QString>

namespace cg {

class Detector;

// Hides the contact details the detector finds in free text (notes in an export),
// keeping just enough to tell them apart: "j***@g****.com", "+1 *** *** 0132";
// other kinds keep their first character ("s***").
class ContactMasker final
{
public:
    explicit ContactMasker(const Detector &detector);

    QString mask(const QString &text) const;

    static QString maskEmail(const QString &address);
    static QString maskPhone(const QString &written, const QString &value);
    static QString maskOther(const QString &written);

private:
    const Detector &m_detector;
};

} // namespace cg

#include "SummaryReport.h"

#include "PolicyTerms.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>

namespace cg {

namespace {

QColor verdictColour(const QString &verdict)
{
    if (verdict == QLatin1String("violation"))
        return QColor(0xc0, 0x39, 0x2b);
    if (verdict == QLatin1String("exception"))
        return QColor(0xd6, 0x89, 0x10);
    if (verdict == QLatin1String("allowed"))
        return QColor(0x1e, 0x84, 0x49);
    return QColor(0x5d, 0x6d, 0x7e);
}

// Over long ranges days are too thin to read: count per week (from Monday) instead.
QMap<QDate, QMap<QString, qint64>> buckets(const QMap<QDate, QMap<QString, qint64>> &perDay, bool *weekly)
{
    *weekly = !perDay.isEmpty() && perDay.firstKey().daysTo(perDay.lastKey()) > 45;
    if (!*weekly)
        return perDay;
    QMap<QDate, QMap<QString, qint64>> perWeek;
    for (auto day = perDay.cbegin(); day != perDay.cend(); ++day) {
        const QDate monday = day.key().addDays(1 - day.key().dayOfWeek());
        for (auto verdict = day.value().cbegin(); verdict != day.value().cend(); ++verdict)
            perWeek[monday][verdict.key()] += verdict.value();
    }
    return perWeek;
}

// Draws the report top to bottom in device pixels.
class ReportPainter
{
public:
    explicit ReportPainter(QPdfWriter &writer)
        : m_painter(&writer)
        , m_width(writer.width())
        , m_unit(writer.resolution() / 72.0) // device pixels per point
    {
    }

    bool isActive() const { return m_painter.isActive(); }

    void text(const QString &line, double points, bool bold = false, const QColor &colour = Qt::black)
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(points);
        font.setBold(bold);
        m_painter.setFont(font);
        m_painter.setPen(colour);
        const QRectF box(0, m_y, m_width, m_width);
        const QRectF used = m_painter.boundingRect(box, Qt::TextWordWrap, line);
        m_painter.drawText(box, Qt::TextWordWrap, line);
        m_y += used.height() + 4 * m_unit;
    }

    void gap(double points) { m_y += points * m_unit; }

    void bars(const QMap<QString, qint64> &values)
    {
        qint64 largest = 1;
        for (qint64 value : values)
            largest = std::max(largest, value);
        const double label = 110 * m_unit;
        const double row = 16 * m_unit;
        setFont(9);
        for (const QString &verdict : verdictNames()) {
            const qint64 value = values.value(verdict);
            const double length = (m_width - label - 60 * m_unit) * double(value) / double(largest);
            m_painter.setPen(Qt::black);
            m_painter.drawText(QRectF(0, m_y, label, row), Qt::AlignVCenter, verdict);
            m_painter.fillRect(QRectF(label, m_y + 2 * m_unit, length, row - 4 * m_unit), verdictColour(verdict));
            m_painter.drawText(QRectF(label + length + 6 * m_unit, m_y, 60 * m_unit, row), Qt::AlignVCenter,
                               QString::number(value));
            m_y += row;
        }
        m_y += 6 * m_unit;
    }

    void stackedColumns(const QMap<QDate, QMap<QString, qint64>> &series, const QString &dateFormat)
    {
        if (series.isEmpty())
            return;
        qint64 largest = 1;
        for (const auto &day : series) {
            qint64 sum = 0;
            for (qint64 value : day)
                sum += value;
            largest = std::max(largest, sum);
        }
        const double height = 170 * m_unit;
        const double axis = 30 * m_unit;
        const double slot = (m_width - axis) / double(series.size());
        const double bottom = m_y + height;
        setFont(7);
        m_painter.setPen(Qt::gray);
        m_painter.drawLine(QPointF(axis, bottom), QPointF(m_width, bottom));
        m_painter.drawText(QRectF(0, m_y, axis - 4 * m_unit, 12 * m_unit), Qt::AlignRight, QString::number(largest));
        double x = axis;
        int index = 0;
        const int labelEvery = std::max(1, int(series.size() / 10));
        for (auto day = series.cbegin(); day != series.cend(); ++day, ++index) {
            double top = bottom;
            for (const QString &verdict : verdictNames()) {
                const double part = height * double(day.value().value(verdict)) / double(largest);
                m_painter.fillRect(QRectF(x + slot * 0.1, top - part, slot * 0.8, part), verdictColour(verdict));
                top -= part;
            }
            if (index % labelEvery == 0) {
                m_painter.setPen(Qt::black);
                m_painter.drawText(QRectF(x - slot, bottom + 2 * m_unit, slot * 3, 12 * m_unit), Qt::AlignHCenter,
                                   day.key().toString(dateFormat));
            }
            x += slot;
        }
        m_y = bottom + 18 * m_unit;
        // Legend.
        x = axis;
        for (const QString &verdict : verdictNames()) {
            m_painter.fillRect(QRectF(x, m_y, 10 * m_unit, 10 * m_unit), verdictColour(verdict));
            m_painter.setPen(Qt::black);
            m_painter.drawText(QRectF(x + 14 * m_unit, m_y - 2 * m_unit, 90 * m_unit, 14 * m_unit), verdict);
            x += 100 * m_unit;
        }
        m_y += 20 * m_unit;
    }

    void table(const QMap<QString, qint64> &values)
    {
        setFont(9);
        m_painter.setPen(Qt::black);
        const double row = 14 * m_unit;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            m_painter.drawText(QRectF(12 * m_unit, m_y, 220 * m_unit, row), Qt::AlignVCenter, it.key());
            m_painter.drawText(QRectF(232 * m_unit, m_y, 60 * m_unit, row), Qt::AlignVCenter | Qt::AlignRight,
                               QString::number(it.value()));
            m_y += row;
        }
        m_y += 6 * m_unit;
    }

private:
    void setFont(double points)
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(points);
        m_painter.setFont(font);
    }

    QPainter m_painter;
    double m_width;
    double m_unit;
    double m_y = 0;
};

QString describeFilter(const DecisionFilter &filter)
{
    QStringList parts;
    parts << (filter.from.isValid() ? SummaryReport::tr("from %1").arg(filter.from.toString(Qt::ISODate)) : SummaryReport::tr("from the start"));
    parts << (filter.to.isValid() ? SummaryReport::tr("to %1").arg(filter.to.toString(Qt::ISODate)) : SummaryReport::tr("to today"));
    if (!filter.moderator.isEmpty())
        parts << SummaryReport::tr("moderator %1").arg(filter.moderator);
    if (!filter.verdict.isEmpty())
        parts << SummaryReport::tr("verdict %1").arg(filter.verdict);
    return parts.join(QStringLiteral(", "));
}

} // namespace

bool SummaryReport::render(const Content &content, QIODevice *device, QString *error)
{
    QPdfWriter writer(device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(tr("ContactGuard decision summary"));
    writer.setCreator(QStringLiteral("ContactGuard"));
    ReportPainter report(writer);
    if (!report.isActive()) {
        *error = tr("The PDF could not be started.");
        return false;
    }
    const DecisionStatistics &statistics = content.statistics;
    report.text(tr("Decision summary"), 20, true);
    report.text(tr("%1 · %2 · made by %3 on %4")
                    .arg(content.databaseName, describeFilter(statistics.filter), content.generatedBy,
                         content.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))),
                9, false, Qt::darkGray);
    report.gap(6);
    report.text(tr("%1 decisions, %2 reversals").arg(statistics.decisions).arg(statistics.reversals), 12, true);
    report.text(content.audit.intact ? tr("Audit log intact: %1 entries verified.").arg(content.audit.entries)
                                     : tr("Audit log BROKEN: %1").arg(content.audit.problem),
                9, !content.audit.intact, content.audit.intact ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
    report.gap(8);
    report.text(tr("Decisions per verdict"), 12, true);
    report.bars(statistics.perVerdict);
    bool weekly = false;
    const auto series = buckets(statistics.perDay, &weekly);
    report.text(weekly ? tr("Decisions per week") : tr("Decisions per day"), 12, true);
    report.stackedColumns(series, weekly ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd"));
    report.text(tr("Decisions per moderator"), 12, true);
    report.table(statistics.perModerator);
    if (!statistics.perPenalty.isEmpty()) {
        report.text(tr("Penalties given"), 12, true);
        report.table(statistics.perPenalty);
    }
    return true;
}

} // namespace cg

//! The printed pages, as self-contained HTML: no script, no file or address they load.
//!
//! Both pages (this coordination report, and the referral slip of `slip`) are written
//! in one language, with `lang` and, for Arabic and Kurdish, `dir="rtl"` on the page:
//! every label and heading comes from the message catalog, every value goes through an
//! `i18n::format::Locale` (dates with the month's name, numbers in the `digits`
//! setting's digits, places named in the language). The style sheet uses logical
//! properties only (`text-align: start`, `border-block-end`), so the layout mirrors
//! by itself. What comes from the data (names, agencies, places) is isolated in
//! `<bdi>`, so a Latin name in an Arabic page keeps its own order; codes (case codes,
//! ids, phones, e-mail addresses) are laid out left to right (`<bdi dir="ltr">`) with
//! their Western digits, so they read and type back as written. A print style sheet
//! sets A4, keeps table rows and chart rows whole and fits every table to the width
//! (fixed layout, long words wrapped, never cut).
//!
//! The report draws its bar charts as inline SVG, one bar per row of a table, with the
//! number written beside each: readable when printed in black and white.

use std::collections::BTreeMap;

use super::summary::{
    COUNT_COLUMNS, NEED_STATUSES, OUTCOMES, REFERRAL_STATUSES, REFERRALS_TOTAL, Report,
};
use crate::i18n::format::Locale;
use crate::i18n::{Arg, labels};

/// Escapes text for HTML.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A value from the data (a name, an agency, a place, free text), isolated so that its
/// own direction does not reorder the text around it.
pub fn data(text: &str) -> String {
    format!("<bdi>{}</bdi>", esc(text))
}

/// A code (case code, id, phone number, e-mail address), always laid out left to right.
pub fn code(text: &str) -> String {
    format!("<bdi dir=\"ltr\">{}</bdi>", esc(text))
}

/// The message `id` in `locale`'s language as HTML: its words escaped, each argument put
/// in as the HTML given (so that a code in a sentence can be isolated).
pub fn message(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    let marks: Vec<String> = (0..args.len())
        .map(|i| format!("\u{E000}{i}\u{E001}"))
        .collect();
    let fluent: Vec<(&str, Arg)> = args
        .iter()
        .zip(&marks)
        .map(|((name, _), mark)| (*name, Arg::Str(mark)))
        .collect();
    let mut html = esc(&locale.tr(id, &fluent));
    for ((_, value), mark) in args.iter().zip(&marks) {
        html = html.replace(mark.as_str(), value);
    }
    html
}

/// The style sheet of both pages. Fonts: ones that have Arabic and Kurdish letters on
/// Windows (Segoe UI, Tahoma, Arial) and on Linux (Noto), English in a Latin face first.
const STYLE: &str = "\
@page{size:A4;margin:12mm}\
*{box-sizing:border-box}\
html{font-family:\"Segoe UI\",\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;color:#000;background:#fff}\
html:lang(ar),html:lang(ckb){font-family:\"Noto Naskh Arabic\",\"Noto Sans Arabic\",\"Segoe UI\",Tahoma,Arial,sans-serif}\
body{margin:1.5em auto;padding:0 1em;max-width:50em;font-size:11pt;line-height:1.35}\
h1{font-size:1.45em;margin:0 0 .4em}\
h2{font-size:1.1em;margin:.9em 0 .3em;border-block-end:1px solid #000;break-after:avoid}\
p{margin:.3em 0}\
table{border-collapse:collapse;width:100%;table-layout:fixed}\
th,td{border:1px solid #000;padding:2px 6px;text-align:start;vertical-align:top;overflow-wrap:break-word;hyphens:auto}\
thead{display:table-header-group}\
tr,figure.whole{break-inside:avoid}\
figure{margin:0}\
bdi[dir=ltr]{white-space:nowrap}\
:lang(en) thead th::first-letter{text-transform:uppercase}";

/// After a page's own style: on paper, the page's width is the sheet's.
const PRINT_STYLE: &str = "@media print{body{margin:0;padding:0;max-width:none}}";

/// The start of a page in `locale`'s language, with its title and the style sheet (the
/// common one, then `style`).
pub fn head(locale: Locale, title: &str, style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}{style}{PRINT_STYLE}</style></head><body>",
        locale.lang.code(),
        if locale.lang.is_rtl() { "rtl" } else { "ltr" },
        esc(title)
    )
}

/// The report's own style: charts as tables without rules, numbers at the end of their
/// cells.
const REPORT_STYLE: &str = "\
.num{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}\
table.chart{font-size:9pt;line-height:1.2}\
table.chart th,table.chart td{border:0;padding:1px 4px;vertical-align:middle}\
table.chart th{font-weight:normal;width:42%}\
table.chart td.bar{width:48%}\
table.chart td.num{width:10%;text-align:start}\
table.chart svg{display:block;width:100%;height:12px}\
table.data{font-size:9pt;line-height:1.2;margin-block-end:.6em}\
table.data th,table.data td{padding:1px 4px}\
table.data thead th{vertical-align:bottom;white-space:normal;font-size:.95em}\
table.data tbody th{font-weight:normal}\
.note{font-size:.9em}\
.demo{border:2px dashed #000;padding:4px 8px}";

/// The mark of a count the page does not show (`disclosure`).
pub const HIDDEN: &str = "\u{2022}";

/// A count or a median as HTML, in the locale's digits; a hidden one (empty) as the
/// mark.
fn number(text: &str, locale: Locale) -> String {
    if text.is_empty() {
        HIDDEN.to_string()
    } else {
        esc(&locale.number(text))
    }
}

/// A group's name: its cells named in the language, joined.
fn group_name(report: &Report, key: &[String], locale: Locale) -> String {
    if key.is_empty() {
        return esc(&locale.t("page-report-all"));
    }
    report
        .by
        .iter()
        .zip(key)
        .map(|(b, cell)| data(&report.name_in(*b, cell, locale)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A bar chart: one row per group, its name, a bar, and the number (a hidden one as
/// the mark, with no bar, so that the bar does not tell it).
fn bars(title: &str, items: &[(String, u64, bool)], locale: Locale) -> String {
    let max = items
        .iter()
        .filter(|(_, _, hidden)| !hidden)
        .map(|(_, v, _)| *v)
        .max()
        .unwrap_or(0)
        .max(5);
    // A chart that fits on a page is kept whole on one; a longer one breaks between
    // its rows (kept from breaking, it would leave a page blank before it).
    let whole = if items.len() <= 30 { " whole" } else { "" };
    let mut html = format!(
        "<figure class=\"chart{whole}\"><h2>{}</h2><table class=\"chart\" aria-label=\"{}\"><tbody>",
        esc(title),
        esc(title)
    );
    for (name, value, hidden) in items {
        let shown = super::suppressed(*value, *hidden);
        let drawn = if *hidden { 0 } else { *value };
        let written = number(&shown, locale);
        let width = (drawn as f64 / max as f64 * 100.0).clamp(0.0, 100.0);
        // The bar grows from the start of the line: the right in Arabic and Kurdish.
        let x = if locale.lang.is_rtl() {
            100.0 - width
        } else {
            0.0
        };
        html.push_str(&format!(
            "<tr><th>{name}</th><td class=\"bar\"><svg role=\"img\" aria-hidden=\"true\"><rect x=\"{x:.1}%\" y=\"0\" width=\"{width:.1}%\" height=\"13\" fill=\"#555\" stroke=\"#000\"/></svg></td><td class=\"num\">{written}</td></tr>"
        ));
    }
    html.push_str("</tbody></table></figure>");
    html
}

/// One table of the report: the groups, then the columns of `values` in `range` under
/// the given headings.
fn table(
    report: &Report,
    title: &str,
    headings: &[String],
    range: std::ops::Range<usize>,
    locale: Locale,
    hidden: &BTreeMap<&Vec<String>, Vec<bool>>,
) -> String {
    let groups = report.by.len().max(1);
    // The group columns share about a third of the width, the counts the rest.
    let group_width = 40.0 / groups as f64;
    let value_width = 60.0 / headings.len() as f64;
    let mut html = format!("<h2>{}</h2><table class=\"data\"><colgroup>", esc(title));
    for _ in 0..groups {
        html.push_str(&format!("<col style=\"width:{group_width:.2}%\">"));
    }
    for _ in headings {
        html.push_str(&format!("<col style=\"width:{value_width:.2}%\">"));
    }
    html.push_str("</colgroup><thead><tr>");
    if report.by.is_empty() {
        html.push_str("<th></th>");
    }
    for b in &report.by {
        html.push_str(&format!("<th>{}</th>", esc(&b.heading(locale))));
    }
    for h in headings {
        html.push_str(&format!("<th class=\"num\">{}</th>", esc(h)));
    }
    html.push_str("</tr></thead><tbody>");
    for (key, c) in &report.groups {
        html.push_str("<tr>");
        if key.is_empty() {
            html.push_str(&format!("<th>{}</th>", group_name(report, key, locale)));
        }
        for (b, cell) in report.by.iter().zip(key) {
            html.push_str(&format!(
                "<th>{}</th>",
                data(&report.name_in(*b, cell, locale))
            ));
        }
        let flags = hidden.get(key).map(Vec::as_slice).unwrap_or(&[]);
        let values: Vec<String> = Report::values(c, flags);
        for v in &values[range.clone()] {
            html.push_str(&format!("<td class=\"num\">{}</td>", number(v, locale)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// The coordination report as one page in `locale`'s language.
pub fn page(report: &Report, locale: Locale) -> String {
    let title = locale.t("page-report-title");
    let mut html = head(locale, &title, REPORT_STYLE);
    html.push_str(&format!("<h1>{}</h1>", esc(&title)));
    if report.demo {
        html.push_str(&format!(
            "<p class=\"demo\"><strong>DEMO</strong> {}</p>",
            esc(&locale.t("page-report-demo"))
        ));
    }
    html.push_str(&format!(
        "<p>{} {}</p><p>{}</p>",
        message(
            locale,
            "page-report-period",
            &[
                ("since", esc(&locale.date(report.since))),
                ("until", esc(&locale.date(report.until))),
            ],
        ),
        message(
            locale,
            "page-report-small",
            &[("small", HIDDEN.to_string())]
        ),
        message(
            locale,
            "page-report-made",
            &[("date", esc(&locale.date(report.made)))]
        ),
    ));
    if !report.by.is_empty() {
        let groups: Vec<String> = report.by.iter().map(|b| b.heading(locale)).collect();
        html.push_str(&format!(
            "<p>{}</p>",
            message(
                locale,
                "page-report-grouped",
                &[("groups", esc(&groups.join(&locale.t("list-separator"))))]
            )
        ));
    }
    if report.groups.is_empty() {
        html.push_str(&format!(
            "<p>{}</p></body></html>\n",
            esc(&locale.t("page-report-empty"))
        ));
        return html;
    }
    // The charts draw two of each group's counts: households reached, and referrals.
    let hidden = report.hidden();
    let chart = |i: usize| -> Vec<(String, u64, bool)> {
        report
            .groups
            .iter()
            .map(|(k, c)| {
                let hide = hidden
                    .get(k)
                    .and_then(|f| f.get(i))
                    .copied()
                    .unwrap_or(true);
                (
                    group_name(report, k, locale),
                    super::summary::counts(c)[i],
                    hide,
                )
            })
            .collect()
    };
    html.push_str(&bars(
        &locale.t("page-report-chart-reached"),
        &chart(0),
        locale,
    ));
    html.push_str(&bars(
        &locale.t("page-report-chart-referred"),
        &chart(REFERRALS_TOTAL),
        locale,
    ));

    // The columns of `Report::values`: households reached and the needs by status, the
    // referrals by status, then the outcomes and the median days to a response.
    let needs = NEED_STATUSES.len();
    let referrals = REFERRAL_STATUSES.len();
    let mut headings = vec![locale.t("page-report-col-reached")];
    headings.extend(
        NEED_STATUSES
            .iter()
            .map(|s| labels::need_status_in(locale.lang, *s)),
    );
    html.push_str(&table(
        report,
        &locale.t("page-report-table-needs"),
        &headings,
        0..1 + needs,
        locale,
        &hidden,
    ));
    let headings: Vec<String> = REFERRAL_STATUSES
        .iter()
        .map(|s| labels::referral_status_in(locale.lang, *s))
        .collect();
    html.push_str(&table(
        report,
        &locale.t("page-report-table-referrals"),
        &headings,
        1 + needs..1 + needs + referrals,
        locale,
        &hidden,
    ));
    let mut headings: Vec<String> = OUTCOMES
        .iter()
        .map(|o| locale.t(&format!("outcome-{}", o.replace('_', "-"))))
        .collect();
    headings.push(locale.t("page-report-col-median"));
    html.push_str(&table(
        report,
        &locale.t("page-report-table-outcomes"),
        &headings,
        1 + needs + referrals..COUNT_COLUMNS + 1,
        locale,
        &hidden,
    ));
    html.push_str(&format!(
        "<p class=\"note\">{}</p>",
        esc(&locale.t("page-report-median-note"))
    ));
    html.push_str("</body></html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::i18n::format::Digits;
    use crate::report::summary::By;

    #[test]
    fn a_message_isolates_the_html_it_is_given_and_escapes_its_words() {
        let en = Locale::new(Lang::En, Digits::Western);
        let html = message(en, "slip-feedback-how", &[("code", code("K7QX2-0123"))]);
        assert!(
            html.ends_with("quoting the case code <bdi dir=\"ltr\">K7QX2-0123</bdi>."),
            "{html}"
        );
        assert_eq!(data("<b>"), "<bdi>&lt;b&gt;</bdi>");
    }

    #[test]
    fn a_page_says_its_language_and_direction() {
        let ar = head(Locale::new(Lang::Ar, Digits::Western), "t", "");
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
        let ckb = head(Locale::new(Lang::Ckb, Digits::Western), "t", "");
        assert!(ckb.contains("<html lang=\"ckb\" dir=\"rtl\">"));
        let en = head(Locale::new(Lang::En, Digits::Western), "t", "");
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
        // Logical properties only: nothing says left or right.
        for physical in ["left", "right"] {
            assert!(!STYLE.contains(physical) && !REPORT_STYLE.contains(physical));
        }
        assert!(STYLE.contains("@page{size:A4"));
    }

    #[test]
    fn an_empty_report_says_so() {
        let report = Report {
            by: vec![By::Sector],
            ..Report::default()
        };
        let page = page(&report, Locale::new(Lang::Ar, Digits::Western));
        assert!(page.contains(&crate::i18n::tr_in(Lang::Ar, "page-report-empty", &[])));
    }
}

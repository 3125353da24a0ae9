"""Insights, the clinician summary and reminders, offline, drawn from known records.

The figures asserted here are worked out by hand from SEED below (today is Tuesday 24 November
2026, 10:00 local time):

  day (back)  leg, back per entry       finished routines       sessions' pain before → after
  0  24 Nov   4, 2                      Morning relief          6 → 3
  1  23 Nov   6, 3 and 4, 3             Desk break              5 → 4, and Morning relief ended early 6 → 5
  3  21 Nov   7, 5 (both legs logged)   Morning relief          not rated
  5  19 Nov   8, 4
  6  18 Nov   6, 4
  10 14 Nov   9, 6                      Desk break              7 → 4
  40 15 Oct   9, 7                      Morning relief          8 → 6

Last 7 days: 6 entries on 5 days; leg (4+6+4+7+8+6)/6 = 5.8, back 21/6 = 3.5; 4 sessions, 3
finished on 3 days (3 days a week); rated 3: before 17/3 = 5.7, after 12/3 = 4, drop 1.7;
Morning relief drops (3+1)/2 = 2, Desk break 1.
Last 30 days: 6 points a series (7 entries), 4 routine days (0.9 a week); rated 4: 24/4 = 6 → 16/4 = 4.
Last 90 days: 7 points a series, 5 routine days; the first record is 40 days back, so the days
before it are left out (41 days) and 90 days is the default period (the shortest that holds them).
Issue 13 records: PSFS check-ins 13, 6 and 0 days back (averages 3, 4, 5.3), walking 10 -> 25
minutes, sitting 20 -> 30, "much better" at the latest; Ibuprofen twice and physio once.
"""

import io
import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import (
    ARTIFACTS,
    PHONE,
    ConsoleWatcher,
    axe_page,
    go_offline,
    screenshot,
)

NOW = "2026-11-24T10:00:00"

SEED = """async () => {
  const R = window.Relieve;
  // Local times, so the days are the same whatever the machine's time zone.
  const at = (back, hour, minute = 0) => new Date(2026, 10, 24 - back, hour, minute).toISOString();
  const log = (back, hour, leg, backPain, extra = {}) => R.records.save('symptom_log', {
    id: R.uuid7(), loggedAt: at(back, hour), legPain: leg, backPain, numbness: 'none', tingling: 'mild',
    weakness: 'none', areas: {}, helped: [], helpedOther: '', sleep: null, notes: '', warningSigns: [], ...extra });
  await log(0, 9, 4, 2, { areas: { buttock: 'left', thigh: 'left' }, notes: 'Better after the walk' });
  await log(1, 8, 6, 3, { areas: { buttock: 'left' } });
  await log(1, 20, 4, 3, { areas: { buttock: 'both', calf: 'left' } });
  await log(3, 9, 7, 5, { areas: { thigh: 'left', foot: 'right' }, warningSigns: ['both-legs'] });
  await log(5, 9, 8, 4, { areas: { buttock: 'left' } });
  await log(6, 9, 6, 4);
  await log(10, 9, 9, 6);
  await log(40, 9, 9, 7);
  const session = (back, hour, routineId, routineName, status, painBefore, painAfter, worse = [], symptomDirection = null) => R.records.save('session', {
    id: R.uuid7(), routineId, routineName, startedAt: at(back, hour), endedAt: at(back, hour, 12), status,
    completed: ['pelvic-tilt'], skipped: [], worse, painBefore, painAfter, symptomDirection });
  await session(0, 8, 'morning-relief', 'Morning relief', 'finished', 6, 3, ['seated-figure-four'], 'toward-back');
  await session(1, 18, 'desk-break', 'Desk break', 'finished', 5, 4, [], 'same');
  await session(1, 19, 'morning-relief', 'Morning relief', 'ended', 6, 5, [], 'further-down');
  await session(3, 7, 'morning-relief', 'Morning relief', 'finished', null, null);
  await session(10, 8, 'desk-break', 'Desk break', 'finished', 7, 4);
  await session(40, 8, 'morning-relief', 'Morning relief', 'finished', 8, 6);
  await R.records.save('flag', { id: R.uuid7(), technique: 'pelvic-tilt', at: at(1, 12) });
  // Issue 13: three activities checked weekly (PSFS), medicines and treatments.
  const names = ['Walking the dog', 'Sitting at my desk', 'Putting on socks'];
  const ids = names.map(() => R.uuid7());
  for (const [i, name] of names.entries()) await R.records.save('activity', { id: ids[i], name, addedAt: at(13, 9), archived: false });
  const check = (back, scores, walkMinutes, sitMinutes, change) => R.records.save('function_check', { id: R.uuid7(), checkedAt: at(back, 10),
    ratings: names.map((name, i) => ({ activity: ids[i], name, score: scores[i] })), walkMinutes, sitMinutes, change });
  await check(13, [3, 4, 2], 10, 20, null);
  await check(6, [4, 5, 3], 15, 25, 1);
  await check(0, [6, 5, 5], 25, 30, 2);
  const treat = (back, hour, kind, name, extra = {}) => R.records.save('treatment', { id: R.uuid7(), takenAt: at(back, hour), kind, name,
    dose: '', helped: null, sideEffects: '', notes: '', ...extra });
  await treat(0, 8, 'medicine', 'Ibuprofen', { dose: '400 mg', helped: 'a-little', sideEffects: 'Upset stomach' });
  await treat(1, 8, 'medicine', 'Ibuprofen', { dose: '400 mg', helped: 'yes' });
  await treat(2, 15, 'physio', '', { helped: 'yes' });
  const no = (ids) => Object.fromEntries(ids.map((id) => [id, false]));
  const data = await R.catalog.load();
  const redFlags = data.safety.redFlags.map((q) => q.id);
  const contra = data.safety.contraindications.map((q) => q.id);
  await R.records.save('screening', { id: R.uuid7(), kind: 'red-flags', takenAt: at(1, 7), answers: { ...no(redFlags), 'both-legs': true } });
  await R.records.save('screening', { id: R.uuid7(), kind: 'red-flags', takenAt: at(20, 7), answers: no(redFlags) });
  await R.records.save('screening', { id: R.uuid7(), kind: 'contraindications', takenAt: at(2, 7), answers: { ...no(contra), pregnancy: true } });
}"""


def seed(page):
    page.evaluate(SEED)


def offline_insights(context, page, live_server, script=SEED):
    """Insights, offline, drawn from the records the script saves."""
    go_offline(context, page, live_server, NOW)
    page.goto(live_server + "/insights/")
    page.evaluate(script)
    page.reload()


def summary_of(page, live_server, script, days):
    """The summary of the last `days` days, drawn from the records the script saves (the page's
    clock set by the caller)."""
    page.goto(live_server + "/insights/summary")
    page.evaluate(script)
    page.goto(live_server + f"/insights/summary?days={days}")
    expect(page.locator("#summary")).to_have_attribute("data-ready", str(days))


def read(download):
    """A downloaded file's text, line ends kept (CSV and iCalendar both use CRLF)."""
    return Path(download.path()).read_bytes().decode("utf-8-sig")


def csv_lines(download):
    return read(download).strip().split("\r\n")


def download_file(page, button):
    """The file the named button downloads."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def chart_counts(page):
    chart = page.locator("#pain-chart svg")
    return (
        chart.locator(".chart-leg .chart-point").count(),
        chart.locator(".chart-back .chart-point").count(),
        chart.locator(".chart-routine").count(),
    )


def pick_period(page, days):
    page.get_by_role("radio", name=f"{days} days").check()


def test_insights_chart_and_figures_offline(context, page, live_server):
    go_offline(context, page, live_server, NOW)
    response = page.goto(live_server + "/insights/")
    assert response.from_service_worker
    expect(page.locator("#insights-empty")).to_be_visible()
    expect(page.locator("#insights-empty").get_by_role("link", name="Log how you feel")).to_have_attribute(
        "href", "/log/new"
    )

    seed(page)
    page.reload()
    expect(page.locator("#insights-body")).to_be_visible()
    expect(page.locator("#insights-empty")).to_be_hidden()
    # The default period fits the data: the first record is 40 days back, so 90 days, counted from that day.
    expect(page.get_by_role("radio", name="90 days")).to_be_checked()
    expect(page.locator("#period-note")).to_contain_text("the 90 days count from then")
    assert page.locator("#pain-chart .chart-tick").all_text_contents()[-1] == "Nov 24"
    expect(page.locator("#days-per-week")).to_contain_text("of the 41 since you started: about 0.9 days a week")

    pick_period(page, 30)
    expect(page.locator("#period-note")).to_be_hidden()
    expect(page.locator("#pain-chart .chart-routine")).to_have_count(4)
    assert chart_counts(page) == (6, 6, 4)
    expect(page.locator("#before-after")).to_contain_text("averaged 6 before and 4 after (out of 10): 2 points lower")
    # Four rated sessions: the drop is not called meaningful yet.
    expect(page.locator("#before-after")).to_contain_text(
        "Not enough data yet to call it meaningful: 4 rated sessions of the 5 needed."
    )
    expect(page.locator("#meaningful-rule")).to_contain_text("at least 5 sessions")
    expect(page.locator("#days-per-week")).to_contain_text("about 0.9 days a week")

    pick_period(page, 7)
    expect(page.locator("#pain-chart .chart-routine")).to_have_count(3)
    assert chart_counts(page) == (5, 5, 3)
    days = page.locator("#pain-chart .chart-routine").evaluate_all("(nodes) => nodes.map((n) => n.dataset.day)")
    assert days == ["2026-11-21", "2026-11-23", "2026-11-24"]
    legs = page.locator("#pain-chart .chart-leg .chart-point").evaluate_all(
        "(nodes) => nodes.map((n) => [n.dataset.day, Number(n.dataset.value)])"
    )
    assert legs == [["2026-11-18", 6], ["2026-11-19", 8], ["2026-11-21", 7], ["2026-11-23", 5], ["2026-11-24", 4]]
    # A day without entries is a gap: three runs of line (18-19, 21, 23-24), two of them drawn.
    expect(page.locator("#pain-chart .chart-leg .chart-line")).to_have_count(2)
    svg = page.locator("#pain-chart svg")
    expect(svg).to_have_attribute("role", "img")
    expect(svg).to_have_attribute(
        "aria-label", re.compile(r"leg pain averaged 5\.8 and back pain 3\.5 out of 10, from 6 entries")
    )
    expect(page.locator("#chart-summary")).to_contain_text("routines were done on 3 days")

    # The text equivalent: one row a day, newest first.
    page.get_by_text("Show as a table").click()
    rows = page.locator("#pain-table tbody tr")
    expect(rows).to_have_count(7)
    cells = rows.evaluate_all("(rows) => rows.map((r) => [...r.cells].slice(1).map((c) => c.textContent))")
    assert cells == [
        ["4", "2", "1", "Morning relief"],
        ["5", "3", "2", "Desk break"],
        ["not logged", "not logged", "0", "–"],
        ["7", "5", "1", "Morning relief"],
        ["not logged", "not logged", "0", "–"],
        ["8", "4", "1", "–"],
        ["6", "4", "1", "–"],
    ]
    expect(rows.first.locator("th")).to_contain_text("24")

    expect(page.locator("#before-after")).to_have_text(
        "Across 3 sessions with both ratings, pain averaged 5.7 before and 4 after (out of 10): 1.7 points lower afterwards."
        " Not enough data yet to call it meaningful: 3 rated sessions of the 5 needed."
    )
    expect(page.locator("#days-per-week")).to_contain_text(
        "on 3 days of the last 7: about 3 days a week (3 routines finished)"
    )
    drops = page.locator("#drop-list li")
    expect(drops).to_have_count(2)
    expect(drops.nth(0)).to_have_text(
        "Morning relief: pain 2 points lower on average (2 rated sessions; not enough data yet)"
    )
    expect(drops.nth(1)).to_have_text(
        "Desk break: pain 1 point lower on average (1 rated session; not enough data yet)"
    )

    # Nerve symptoms and function next to pain (7 days: tingling "mild" on all 6 entries).
    expect(page.locator("#nerve-summary")).to_contain_text("tingling averaged 1 (mild)")
    expect(page.locator("#nerve-chart .chart-tingling .chart-point")).to_have_count(5)
    expect(page.locator("#function-summary")).to_contain_text(
        "From 3 check-ins, 2 in this period: your activities averaged 3 at your first check-in and 5.3 at your latest"
    )
    expect(page.locator("#function-summary")).to_contain_text("walking 10 min then 25 min at a time")
    expect(page.locator("#function-summary")).to_contain_text("Compared with when you started: much better")
    expect(page.locator("#function-chart .chart-psfs .chart-point")).to_have_count(2)
    page.get_by_text("Each check-in as a table").click()
    check_rows = page.locator("#function-table tbody tr")
    expect(check_rows).to_have_count(2)
    cells = check_rows.evaluate_all("(rows) => rows.map((r) => [...r.cells].slice(1).map((c) => c.textContent))")
    assert cells == [["5.3", "25", "30", "much better"], ["4", "15", "25", "a little better"]]
    expect(page.locator("#function-list li").first).to_have_text(
        "Walking the dog: 3 then 6 out of 10: +3 points, a change most people notice"
    )

    pick_period(page, 90)
    expect(page.locator("#pain-chart .chart-routine")).to_have_count(5)
    assert chart_counts(page) == (7, 7, 5)
    expect(page.locator("#summary-link")).to_have_attribute("href", "/insights/summary?days=90")
    page.reload()  # the period is remembered
    expect(page.get_by_role("radio", name="90 days")).to_be_checked()
    expect(page.locator("#pain-chart .chart-routine")).to_have_count(5)

    # Large enough to read on a phone: the chart spans the content width and its labels are >= 12px.
    box = svg.bounding_box()
    assert box["width"] >= 330 and box["height"] >= 190, box
    tick = page.locator("#pain-chart .chart-tick").first.bounding_box()
    assert tick["height"] >= 12, tick
    pick_period(page, 30)
    page.evaluate("window.scrollTo(0, document.querySelector('#pain-heading').offsetTop - 8)")
    screenshot(page, "insights")
    assert context.console.errors == []


def test_csv_downloads_offline(context, page, live_server):
    offline_insights(context, page, live_server)
    download = download_file(page, "Symptom log (CSV)")
    assert download.suggested_filename == "relieve-symptom-log-2026-11-24.csv"
    lines = csv_lines(download)
    assert lines[0].startswith("Date,Time,Leg pain (0-10)")
    assert len(lines) == 1 + 8
    expect(page.locator("#download-status")).to_have_text("Symptom log downloaded: 8 entries.")

    file = download_file(page, "Sessions (CSV)")
    text = read(file)
    assert file.suggested_filename == "relieve-sessions-2026-11-24.csv"
    assert len(text.strip().split("\r\n")) == 1 + 6
    assert "Seated figure 4 stretch" in text  # technique names from the precached catalog
    assert context.console.errors == []


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    # NFKC: the PDF's font joins "fi" into a ligature.
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    return len(reader.pages), re.sub(r"\s+", " ", text)


def print_on_one_page(page, name):
    """Print on A4 and on Letter, keep each PDF, check each is one page; returns the Letter text."""
    for paper in ("A4", "Letter"):
        data = page.pdf(format=paper)
        (ARTIFACTS / f"{name}-{paper}.pdf").write_bytes(data)
        pages, text = pdf_text(data)
        assert pages == 1, f"{paper}: {pages} pages"
    return text


def test_summary_prints_on_one_page_with_the_figures(context, page, live_server):
    go_offline(context, page, live_server, NOW)
    summary_of(page, live_server, SEED, 7)
    expect(page.get_by_role("radio", name="7 days")).to_be_checked()
    expect(page.locator("#summary-period-text")).to_have_text(
        re.compile(r"Period: the last 7 days, 18 Nov.* – 24 Nov.* 2026|Period: the last 7 days, Nov 18 – Nov 24, 2026")
    )
    expect(page.locator("#summary-chart .chart-leg .chart-point")).to_have_count(5)
    expect(page.locator("#summary-chart-screen .chart-leg .chart-point")).to_have_count(5)
    body_map = page.locator("#summary-body-map svg")
    # The sciatica map from behind (5 regions) and the front (7), each side: 24 shapes.
    expect(body_map.locator(".body-region")).to_have_count(24)
    expect(body_map.locator('[data-view="front"] [data-region="knee"]')).to_have_count(2)
    expect(body_map.locator('[data-view="back"] [data-region="sole"][data-side="left"]')).to_have_attribute(
        "class", "body-region shade-0"
    )
    # Buttock: left 4 (three entries, one of them "both"), right 1; the darkest shade is the most logged.
    expect(body_map.locator('[data-region="buttock"][data-side="left"]')).to_have_attribute(
        "class", "body-region shade-4"
    )
    expect(body_map.locator('[data-region="buttock"][data-side="right"]')).to_have_attribute(
        "class", "body-region shade-1"
    )
    expect(body_map.locator('[data-region="calf"][data-side="right"]')).to_have_attribute(
        "class", "body-region shade-0"
    )
    expect(page.locator("#area-counts")).to_contain_text("Buttock L4 R1")
    expect(page.locator("#area-counts")).to_contain_text("Back of thigh L2 R0")
    # The optional name and date of birth: typed here, printed, kept only when asked. Left empty,
    # the printed sheet has lines to write them on; the screen shows nothing.
    expect(page.locator("#summary-person")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#summary-person")).to_be_visible()
    expect(page.locator("#summary-person")).to_have_text(re.compile(r"^Name: _+ · Date of birth: _+$"))
    page.emulate_media(media="screen")
    page.get_by_label("Name", exact=True).fill("Sam Example")
    page.get_by_label("Date of birth").fill("1980-02-29")
    expect(page.locator("#summary-person")).to_have_text("Name: Sam Example · Date of birth: Feb 29, 1980")
    page.reload()
    expect(page.get_by_label("Name", exact=True)).to_have_value("")
    expect(page.locator("#summary-person")).to_be_hidden()
    page.get_by_label("Name", exact=True).fill("Sam Example")
    page.get_by_label("Date of birth").fill("1980-02-29")
    page.get_by_label("Keep on this device").check()
    page.reload()
    expect(page.get_by_label("Name", exact=True)).to_have_value("Sam Example")
    expect(page.locator("#summary-person")).to_have_text("Name: Sam Example · Date of birth: Feb 29, 1980")
    expect(page.locator("#summary")).to_have_attribute("data-ready", "7")
    page.evaluate("window.scrollTo(0, document.querySelector('#summary').offsetTop - 8)")
    screenshot(page, "summary")

    page.emulate_media(media="print")
    expect(page.locator(".tabbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    expect(page.locator(".disclaimer")).to_be_visible()
    text = print_on_one_page(page, "summary")
    assert "Sciatica summary" in text
    assert "Period: the last 7 days" in text
    assert "Average leg pain 5.8 / 10" in text
    assert "Average back pain 3.5 / 10" in text
    assert "Log entries 6 on 5 of 7 days" in text
    assert "Sessions 4 (3 finished, 1 ended early)" in text
    assert "Days with a routine 3 of 7: 3 days a week" in text
    assert "5.7 → 4" in text and "3 rated sessions" in text
    assert "Pelvic tilt (1 time)" in text
    assert "Seated figure 4 stretch (1 time)" in text
    # Each sign in short, with its tier's name, as on the check and the log.
    assert (
        "Warning-sign check, answered yes: Emergency now: sciatica, numbness or weakness in both legs (Nov 23, 2026)"
        in text
    )
    assert "Warning signs logged: Emergency now: sciatica, numbness or weakness in both legs (Nov 21, 2026)" in text
    assert "yes to pregnancy (ask your midwife or doctor first); no to the other 11" in text
    assert "Buttock L4 R1" in text
    # Issue 13: who it is, nerve symptoms, function, medicines, symptom direction, the rule, notes.
    assert "Name: Sam Example · Date of birth: Feb 29, 1980" in text
    assert "Numbness (0–3) 0 none, change 0" in text
    assert "Tingling (0–3) 1 mild, change 0" in text
    assert "Check-ins 3, 2 in this period" in text
    assert "PSFS average 3 (Nov 11) → 5.3 (Nov 24), +2.3 (≥ 2: meaningful)" in text
    assert "Walking the dog 3→6; Sitting at my desk 4→5; Putting on socks 2→5" in text
    assert "Walking (min) 10 (Nov 11) → 25 (Nov 24)" in text
    assert "Sitting (min) 20 (Nov 11) → 30 (Nov 24)" in text
    assert "Since starting Much better (+2, Nov 24)" in text
    assert "5.7 → 4 (−1.7, 3 rated sessions; not enough data yet, 5 needed)" in text
    assert "Symptoms after toward the back 1, no change 1, further down 1 (last further down Nov 23)" in text
    assert "Ibuprofen (medicine, 400 mg): 2×, Nov 23–Nov 24; helped: yes, a little; side effects: Upset stomach" in text
    assert "Physio: Nov 22; helped: yes" in text and "helped: yes 1" not in text
    assert "Nov 24: Better after the walk" in text
    assert "Nov 18 Nov 19 Nov 20 Nov 21 Nov 22 Nov 23 Nov 24" not in text  # 7 days: weekday and date
    assert "Wed 18" in text and "Tue 24" in text
    assert "does not replace advice from a doctor" in text
    for chrome in ("Print or save as PDF", "Skip to content", "Home Routines", "Sign in", "When to get medical help"):
        assert chrome not in text
    assert context.console.errors == []


# What each quarter-long seed (here and in test_summary_export.py) starts with: its names, a day's
# session (ended early every third day) and every warning-sign and contraindication question
# answered yes (three checks and one).
QUARTER = """
  const R = window.Relieve;
  const at = (back, hour) => new Date(2026, 10, 24 - back, hour).toISOString();
  const data = await R.catalog.load();
  const sides = ['left', 'right', 'both'];
  const session = (back, more = {}) => R.records.save('session', {
    id: R.uuid7(), routineId: 'r' + (back % 5), routineName: 'A routine with a rather long name ' + (back % 5),
    startedAt: at(back, 9), endedAt: at(back, 10), status: back % 3 ? 'finished' : 'ended',
    completed: [{ technique: 'pelvic-tilt', side: null, set: 1 }], skipped: [],
    worse: Object.keys(data.techniques).slice(back % 9, back % 9 + 2), painBefore: 7, painAfter: back % 7, ...more });
  const yesToAll = (questions) => Object.fromEntries(questions.map((q) => [q.id, true]));
  const everyAnswerYes = async () => {
    for (const back of [3, 30, 60]) {
      await R.records.save('screening', { id: R.uuid7(), kind: 'red-flags', takenAt: at(back, 7), answers: yesToAll(data.safety.redFlags) });
    }
    await R.records.save('screening', { id: R.uuid7(), kind: 'contraindications', takenAt: at(1, 7), answers: yesToAll(data.safety.contraindications) });
  };
"""


def quarter_seed(own):
    """A seed script: QUARTER, then its own lines."""
    return "async () => {" + QUARTER + own + "}"


FULL_SEED = quarter_seed("""
  for (let back = 0; back < 90; back += 1) {
    for (const hour of [8, 13, 20]) {
      await R.records.save('symptom_log', {
        id: R.uuid7(), loggedAt: at(back, hour), legPain: (back + hour) % 11, backPain: (back * 3 + hour) % 11,
        numbness: 'mild', tingling: 'mild', weakness: 'none', helped: [], helpedOther: '', sleep: null, notes: '',
        areas: { buttock: sides[back % 3], thigh: sides[(back + 1) % 3], calf: sides[(back + 2) % 3], foot: 'left' },
        warningSigns: back % 4 === 0 && hour === 8 ? ['both-legs', 'bladder', 'fever'] : [] });
    }
    await session(back);
  }
  await everyAnswerYes();
""")


def test_summary_of_a_full_quarter_still_fits_one_page(context, page, live_server):
    page.clock.set_fixed_time(NOW)
    summary_of(page, live_server, FULL_SEED, 90)
    expect(page.locator("#warning-list li")).to_have_count(2)
    expect(page.locator("#warning-list li").first).to_contain_text("pain in the middle of your back")  # all listed
    expect(page.locator("#warning-list li").last).to_contain_text(
        re.compile(r"Emergency now: [^(]*in both legs[^(]*\(23 times, last Nov 24\)")
    )
    text = print_on_one_page(page, "summary-full-quarter")
    assert "Sessions 90 (60 finished, 30 ended early)" in text
    assert context.console.errors == []


def test_summary_without_records_and_in_dark_mode(browser, live_server):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    console = ConsoleWatcher(context)
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.goto(live_server + "/insights/summary?days=30")
    expect(page.locator("#summary")).to_have_attribute("data-ready", "30")
    expect(page.locator("#warning-list")).to_have_text("No warning signs reported in this period.")
    expect(page.locator("#contra-text")).to_have_text("Massage safety check: not answered.")
    expect(page.locator("#flagged-list")).to_have_text("None flagged in this period.")
    # A dark screen still prints black on white.
    page.emulate_media(media="print")
    colours = page.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    pages, text = pdf_text(page.pdf(format="A4"))
    assert pages == 1
    assert "No warning signs reported" in text
    context.close()
    assert console.errors == []


def test_reminder_calendar_file_offline(context, page, live_server):
    go_offline(context, page, live_server, NOW)
    page.goto(live_server + "/reminders/")
    download_button = page.get_by_role("button", name="Download calendar file")

    # No days, no time: both errors, on the fields and in a summary.
    page.get_by_label("Time").fill("")
    download_button.click()
    errors = page.locator("#reminder-errors")
    expect(errors).to_be_visible()
    expect(errors).to_be_focused()
    expect(errors.get_by_role("link")).to_have_text(["Pick at least one day.", "Enter a time like 07:30."])
    monday = page.get_by_role("checkbox", name="Monday")
    expect(monday).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#reminder-days")).to_have_attribute("aria-describedby", "days-error")
    expect(page.locator("#days-error")).to_have_text("Pick at least one day.")
    time = page.get_by_label("Time")
    expect(time).to_have_attribute("aria-invalid", "true")
    expect(time).to_have_accessible_description("Enter a time like 07:30.")

    # Big touch targets for the days.
    target = page.locator(".day-grid .day").first.bounding_box()
    assert target["height"] >= 44 and target["width"] >= 44, target

    for day in ("Monday", "Wednesday", "Friday"):
        page.get_by_role("checkbox", name=day).check()
    time.fill("07:30")
    page.get_by_label("Title").fill("Stretch, then log")
    expect(page.locator("#reminder-preview")).to_have_text("Reminder: Mondays, Wednesdays and Fridays at 07:30.")
    with page.expect_download() as info:
        download_button.click()
    expect(errors).to_be_hidden()
    expect(time).not_to_have_attribute("aria-invalid", "true")
    download = info.value
    assert download.suggested_filename == "relieve-reminder.ics"
    text = read(download)
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" in text
    assert re.search(r"DTSTART:\d{8}T073000\r\n", text)
    assert "SUMMARY:Stretch\\, then log" in text
    expect(page.locator("#reminder-status")).to_contain_text(
        "Calendar file downloaded: Mondays, Wednesdays and Fridays at 07:30."
    )

    # The choice is remembered for next time.
    page.reload()
    expect(page.get_by_role("checkbox", name="Wednesday")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Tuesday")).not_to_be_checked()
    expect(time).to_have_value("07:30")
    assert context.console.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.clock.set_fixed_time(NOW)
        page.goto(live_server + "/insights/")
        expect(page.locator("#insights-empty")).to_be_visible()
        check("insights, empty")
        seed(page)
        page.reload()
        expect(page.locator("#pain-chart svg")).to_be_visible()
        page.get_by_text("Show as a table").click()
        page.get_by_text("Each check-in as a table").click()
        expect(page.locator("#nerve-chart svg")).to_be_visible()
        check("insights")
        if scheme == "dark":
            page.evaluate("window.scrollTo(0, document.querySelector('#pain-heading').offsetTop - 8)")
            screenshot(page, "insights-dark")
        page.goto(live_server + "/insights/summary?days=7")
        expect(page.locator("#summary")).to_have_attribute("data-ready", "7")
        check("summary")
        page.goto(live_server + "/reminders/")
        page.get_by_label("Time").fill("")
        page.get_by_role("button", name="Download calendar file").click()
        expect(page.locator("#reminder-errors")).to_be_visible()
        check("reminders with errors")

"""Issue 13, what people and clinicians get out, offline in the browser: the FHIR download parsed
by the fhir.resources models, the new CSV files, a heavy quarter of every record type still on one
printed page (A4 and Letter), and the default period for someone who started three days ago."""

import json
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import expect

from tests.browser.test_insights import (
    NOW,
    csv_lines,
    download_file,
    offline_insights,
    pick_period,
    print_on_one_page,
    quarter_seed,
    summary_of,
)

RECENT_SEED = """async () => {
  const R = window.Relieve;
  const at = (back, hour) => new Date(2026, 10, 24 - back, hour).toISOString();
  for (const [back, leg] of [[3, 7], [2, 6], [0, 4]]) {
    await R.records.save('symptom_log', { id: R.uuid7(), loggedAt: at(back, 9), legPain: leg, areas: {}, helped: [], helpedOther: '',
      sleep: null, notes: '', warningSigns: [] });
  }
  await R.records.save('session', { id: R.uuid7(), routineId: 'm', routineName: 'Morning', startedAt: at(2, 8), endedAt: at(2, 9),
    status: 'finished', completed: [{ technique: 'pelvic-tilt', side: null, set: 1 }], skipped: [], worse: [], painBefore: 6, painAfter: 3 });
}"""

# The old full quarter (every warning sign and contraindication answered yes), plus weekly PSFS
# check-ins with five activities, a dozen medicines and treatments and notes: still one page.
HEAVY_SEED = quarter_seed("""
  for (let back = 0; back < 90; back += 1) {
    for (const hour of [8, 13, 20]) {
      await R.records.save('symptom_log', {
        id: R.uuid7(), loggedAt: at(back, hour), legPain: (back + hour) % 11, backPain: (back * 3 + hour) % 11,
        numbness: 'mild', tingling: 'moderate', weakness: 'severe', helped: [], helpedOther: '', sleep: null,
        notes: back % 5 === 0 && hour === 20 ? 'Sat in the car for two hours, then the leg burned all evening ' + back : '',
        areas: { buttock: sides[back % 3], thigh: sides[(back + 1) % 3], calf: sides[(back + 2) % 3], foot: 'left', sole: 'right' },
        sensations: ['burning', 'pins-needles'],
        warningSigns: back % 4 === 0 && hour === 8 ? ['both-legs', 'bladder', 'fever'] : [] });
    }
    await session(back, { symptomDirection: ['toward-back', 'same', 'further-down'][back % 3] });
  }
  const names = ['Walking the dog', 'Sitting at work', 'Putting on socks', 'Lifting my toddler', 'Driving'];
  const ids = names.map(() => R.uuid7());
  for (const [i, name] of names.entries()) await R.records.save('activity', { id: ids[i], name, addedAt: at(91, 9), archived: false });
  for (let week = 0; week < 13; week += 1) {
    await R.records.save('function_check', { id: R.uuid7(), checkedAt: at(week * 7, 10),
      ratings: names.map((name, i) => ({ activity: ids[i], name, score: (week + i) % 11 })), walkMinutes: 60 - week * 3,
      sitMinutes: 90 - week * 5, change: (week % 7) - 3 });
  }
  for (let i = 0; i < 12; i += 1) {
    const kind = ['medicine', 'physio', 'heat', 'medicine'][i % 4];
    await R.records.save('treatment', { id: R.uuid7(), takenAt: at(i * 2, 12), kind, name: kind === 'medicine' ? ['Ibuprofen', 'Paracetamol'][i % 2] : '',
      dose: kind === 'medicine' ? '400 mg' : '', helped: ['yes', 'a-little', 'no', 'unsure'][i % 4], sideEffects: i % 5 === 0 ? 'Upset stomach' : '', notes: '' });
  }
  await everyAnswerYes();
""")

# Every list at its longest: all 13 regions on both sides, long names and notes everywhere, ten
# kinds of treatment with side effects, five long activities (one of the longest a name may be),
# a routine whose name is as long as a name may be, every warning sign and every contraindication
# answered yes. The caps tighten when the warning-sign text is this long.
LONG_ACTIVITY = "Carrying the shopping from the car up two flights of stairs"  # ACTIVITY_NAME_MAX = 60
LONG_ROUTINE = "Slow evening stretches for the nights my leg is at its worst"  # routine names: 60 at most
EXTREME_SEED = (
    quarter_seed("""
  const regions = ['lower-back', 'buttock', 'hip', 'groin', 'thigh-front', 'thigh', 'knee', 'shin', 'calf', 'ankle', 'foot-top', 'sole', 'foot'];
  for (let back = 0; back < 90; back += 1) {
    for (const hour of [8, 13, 20]) {
      await R.records.save('symptom_log', {
        id: R.uuid7(), loggedAt: at(back, hour), legPain: (back + hour) % 11, backPain: (back * 3 + hour) % 11,
        numbness: 'mild', tingling: 'moderate', weakness: 'severe', helped: [], helpedOther: '', sleep: null,
        notes: 'A long note about the day: sat in the car for two hours, then the leg burned all evening and the foot went numb ' + back,
        areas: Object.fromEntries(regions.map((r, i) => [r, sides[(back + i) % 3]])),
        warningSigns: back % 4 === 0 && hour === 8 ? ['both-legs', 'bladder', 'fever'] : [] });
    }
    await session(back, { symptomDirection: ['toward-back', 'same', 'further-down'][back % 3],
      ...(back % 5 === 0 ? { routineName: 'LONG_ROUTINE' } : {}) });
  }
  const names = ['LONG_ACTIVITY', 'Sitting through a work meeting', 'Putting on socks and shoes', 'Lifting my toddler', 'Driving to my mother'];
  const ids = names.map(() => R.uuid7());
  for (let week = 0; week < 13; week += 1) {
    await R.records.save('function_check', { id: R.uuid7(), checkedAt: at(week * 7, 10),
      ratings: names.map((name, i) => ({ activity: ids[i], name, score: (week + i) % 11 })), walkMinutes: 60 - week * 3, sitMinutes: 90 - week * 5, change: (week % 7) - 3 });
  }
  const kinds = ['medicine', 'medicine', 'medicine', 'physio', 'massage', 'injection', 'heat', 'ice', 'other', 'other'];
  for (let i = 0; i < 40; i += 1) {
    const kind = kinds[i % 10];
    await R.records.save('treatment', { id: R.uuid7(), takenAt: at(i * 2, 12), kind, name: kind === 'medicine' || kind === 'other' ? 'Named treatment number ' + (i % 10) + ' with a long name' : '',
      dose: kind === 'medicine' ? '2 tablets of 200 mg twice' : '', helped: ['yes', 'a-little', 'no', 'unsure'][i % 4], sideEffects: i % 3 ? 'Drowsy and a dry mouth in the morning, ' + i : '', notes: 'note' });
  }
  await everyAnswerYes();
""")
    .replace("LONG_ACTIVITY", LONG_ACTIVITY)
    .replace("LONG_ROUTINE", LONG_ROUTINE)
)


def test_default_period_for_someone_who_started_three_days_ago(context, page, live_server):
    offline_insights(context, page, live_server, RECENT_SEED)
    # The shortest period that holds the four days since the first entry, and only those days:
    # no empty days before the first use, no "missed" routine days.
    expect(page.get_by_role("radio", name="7 days")).to_be_checked()
    expect(page.locator("#period-note")).to_contain_text("You started on")
    expect(page.locator("#chart-summary")).to_contain_text("Over the 4 days since you started")
    rows = page.locator("#pain-table tbody tr")
    expect(rows).to_have_count(4)
    # No rate "a week" from four days (it read "about 1.8 days a week"; one day of one, "7").
    expect(page.locator("#days-per-week")).to_contain_text("on 1 day of the 4 since you started (1 routine finished)")
    expect(page.locator("#week-list li")).to_have_count(0)  # one partial week: no list of weeks
    # Back pain not rated (the quick log) and nerve symptoms not asked: nothing invented.
    expect(page.locator("#chart-summary")).not_to_contain_text("back pain")
    expect(page.locator("#nerve-summary")).to_contain_text("No numbness, tingling or weakness was rated")
    expect(page.locator("#function-summary")).to_contain_text("No function check-ins yet")
    expect(page.locator("#before-after")).to_contain_text(
        "Not enough data yet to call it meaningful: 1 rated session of the 5 needed."
    )
    # A choice the person makes is kept over the fitted default.
    pick_period(page, 30)
    page.reload()
    expect(page.get_by_role("radio", name="30 days")).to_be_checked()
    assert context.console.errors == []


def test_fhir_and_new_csv_downloads_offline(context, page, live_server):
    offline_insights(context, page, live_server)
    download = download_file(page, "All for a clinic's system (FHIR, JSON)")
    assert download.suggested_filename == "relieve-fhir-2026-11-24.json"
    bundle = Bundle.model_validate(json.loads(Path(download.path()).read_text(encoding="utf-8")))
    assert bundle.type == "collection"
    resources = [entry.resource for entry in bundle.entry]
    patient = resources[0]
    assert patient.__resource_type__ == "Patient" and patient.name is None  # anonymous: no name was kept
    pain = [r for r in resources if r.__resource_type__ == "Observation" and r.code.coding]
    # 8 entries with leg and back pain each.
    assert len(pain) == 16
    assert {r.code.coding[0].code for r in pain} == {"72514-3"}
    assert {r.bodySite.coding[0].code for r in pain} == {"61685007", "37822005"}
    psfs = [
        r
        for r in resources
        if r.__resource_type__ == "Observation" and (r.code.text or "").startswith("Patient-Specific")
    ]
    assert len(psfs) == 3 * (3 + 1)  # three check-ins, three activities and the average each
    assert [r.medicationCodeableConcept.text for r in resources if r.__resource_type__ == "MedicationStatement"] == [
        "Ibuprofen",
        "Ibuprofen",
    ]
    assert [r.code.text for r in resources if r.__resource_type__ == "Procedure"] == ["Physio"]
    # 16 pain + 12 PSFS + 3 walking + 3 sitting + 2 ratings of change + 2 medicines + 1 procedure.
    expect(page.locator("#download-status")).to_have_text("FHIR file downloaded: 39 records, with no name on it.")
    # A name kept on this device (the summary's "Keep on this device") goes in the Patient.
    page.evaluate(
        "localStorage.setItem('relieve.summary.person', JSON.stringify({ name: 'Sam Example', born: '1980-02-29' }))"
    )
    file = download_file(page, "All for a clinic's system (FHIR, JSON)")
    named = Bundle.model_validate(json.loads(Path(file.path()).read_text(encoding="utf-8"))).entry[0].resource
    assert named.name[0].text == "Sam Example" and str(named.birthDate) == "1980-02-29"
    expect(page.locator("#download-status")).to_contain_text("with the name you kept on this device")

    file = download_file(page, "Medicines and treatments (CSV)")
    lines = csv_lines(file)
    assert file.suggested_filename == "relieve-treatments-2026-11-24.csv"
    assert lines[0] == "Date,Time,Kind,Name,Dose,Helped,Side effects,Notes,Recorded (UTC)"
    assert len(lines) == 1 + 3
    file = download_file(page, "Function check-ins (CSV)")
    lines = csv_lines(file)
    assert len(lines) == 1 + 3
    assert lines[-1].split(",")[2] == "Walking the dog: 6; Sitting at my desk: 5; Putting on socks: 5"
    file = download_file(page, "Your activities (CSV)")
    assert len(csv_lines(file)) == 1 + 3
    assert context.console.errors == []


def printed_quarter(page, live_server, script, name):
    """The 90-day summary of the records the script saves, with a long name and a birth date,
    printed (A4 and Letter, each on one page, kept as `name`); returns the Letter text."""
    page.clock.set_fixed_time(NOW)
    summary_of(page, live_server, script, 90)
    page.get_by_label("Name", exact=True).fill("Alexandra Example-Longname")
    page.get_by_label("Date of birth").fill("1980-02-29")
    page.emulate_media(media="print")
    return print_on_one_page(page, name)


def test_a_heavy_quarter_of_every_record_type_fits_one_page(context, page, live_server):
    text = printed_quarter(page, live_server, HEAVY_SEED, "summary-heavy-quarter")
    assert "Name: Alexandra Example-Longname" in text
    assert "Check-ins 13, 13 in this period" in text
    assert "Paracetamol (medicine, 400 mg)" in text
    # How often each answer was given, not a bare number after it ("yes 3" read like a dose).
    assert "helped: not sure (3×)" in text
    # The warning-sign answers are long here, so the caps tighten: 1 of the 17 notes so far is shown.
    assert "and 16 more (in the CSV file)" in text
    assert "Warning-sign check, answered yes" in text
    assert context.console.errors == []


def test_every_list_at_its_longest_still_fits_one_page(context, page, live_server):
    text = printed_quarter(page, live_server, EXTREME_SEED, "summary-every-list-longest")
    assert "and 7 more (in the CSV file)" in text  # 10 treatments, 3 shown
    assert "and 267 more (in the CSV file)" in text  # notes: 1 shown
    assert "Lower back L178 R180" in text and "Foot (older entries) L178 R180" in text
    # Long names wrap and are cut at a word, never mid-word, with the whole name kept as the title.
    assert "Sitting through a work meeting 2→1; Putting on socks and shoes 3→2" in text
    for whole, shown, where in (
        (LONG_ACTIVITY, "Carrying the shopping from the car up two…", "#function-figures"),
        (LONG_ROUTINE, "Slow evening stretches for the nights my…", "#routine-figures"),
    ):
        assert shown.replace("…", "...") in text and whole not in text  # the PDF's text is NFKC
        name = page.locator(f'{where} .sheet-name[title="{whole}"]')
        expect(name).to_have_count(1)
        assert name.text_content() == shown + whole  # the whole name for screen readers, hidden on paper
    assert context.console.errors == []


# Every name as long as it may be: five activities and the three routines listed, 60 characters each.
LONG_ACTIVITIES = [
    LONG_ACTIVITY,
    "Sitting through a whole work meeting without getting up once",
    "Putting on my socks and shoes in the morning without any help",
    "Lifting my toddler out of the cot and into the high chair too",
    "Driving to my mother's house and back on the motorway at night",
]


def test_every_name_at_its_longest_still_fits_one_page(context, page, live_server):
    seed = EXTREME_SEED
    for short, long in zip(
        ["Sitting through a work meeting", "Putting on socks and shoes", "Lifting my toddler", "Driving to my mother"],
        LONG_ACTIVITIES[1:],
        strict=True,
    ):
        seed = seed.replace(f"'{short}'", json.dumps(long[:60]))
    every_session = f"...(back % 5 === 0 ? {{ routineName: '{LONG_ROUTINE}' }} : {{}})"
    assert every_session in seed
    seed = seed.replace(every_session, f"routineName: {json.dumps(LONG_ROUTINE[:56])} + ' no ' + (back % 5)")
    printed_quarter(page, live_server, seed, "summary-every-name-longest")
    names = page.locator(".sheet-name[title]")
    expect(names).to_have_count(8)  # five activities and three routines, each cut
    for name in names.all():
        whole = name.get_attribute("title")
        shown = name.locator("[aria-hidden=true]").text_content()
        # Cut after a whole word of the name, never in the middle of one.
        assert shown.endswith("…") and (whole + " ").startswith(shown[:-1] + " "), (shown, whole)
    assert context.console.errors == []

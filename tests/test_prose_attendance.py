"""Attendance written as sentences and wrapped paragraphs, in Danish, Norwegian, Swedish and English.

The minutes are invented; each test states the convention it covers.
"""

from __future__ import annotations

from pmkg.ingest.parse import parse_minutes


def _people(text: str) -> dict[str, tuple[str, list[str]]]:
    return {m.name: (m.status, m.roles) for m in parse_minutes(text).attendance}


def test_danish_prose_with_titles_chair_partial_and_apologies() -> None:
    text = (
        "Referat af møde i Udvalget for Genomik\n\n"
        "Mødet blev ledet af udvalgets formand, prof., overlæge Signe Vallø Brink, Aarhus Universitet. "
        "Til stede var desuden overlæge, dr.med. Kasper Munk Toft fra Vejle Sygehus, cand.med., ph.d. "
        "Nadia Holm Rye og patientrepræsentant Ulla Brask Nyby. Eskild Ravn deltog under punkt 2. "
        "Udvalgets sekretær, cand.scient.san. Mette Lykke Bach, tog referat.\n\n"
        "Afbud fra Troels Hvid og Lene Krag.\n\n"
        "Dagsorden\n1. Meddelelser\n2. Sekventering\n\n"
        "1. Meddelelser\nSigne Vallø Brink orienterede om budgettet.\n"
    )
    people = _people(text)
    assert people["Signe Vallø Brink"] == ("present", ["chair"])
    assert people["Kasper Munk Toft"][0] == "present"
    assert people["Nadia Holm Rye"][0] == "present"
    assert people["Ulla Brask Nyby"][0] == "present"
    assert people["Eskild Ravn"][0] == "present"
    assert people["Mette Lykke Bach"][0] == "present"
    assert "minute_taker" in people["Mette Lykke Bach"][1]
    assert people["Troels Hvid"][0] == "absent"
    assert people["Lene Krag"][0] == "absent"
    assert not any("med" in name or "ph.d" in name or "Udvalg" in name for name in people)


def test_norwegian_paragraph_with_inline_heading_and_relative_clause() -> None:
    text = (
        "Protokoll fra møte 1/2024\n\n"
        "Møtet ble ledet av forskningsdirektør Arnfinn Solheim. Tilstede var: Gunn Vik, professor "
        "Tora Eide Lund og Hallvard Næss (varamedlem, møtte for Sigrun Aas). Ola Berntsen fra "
        "Universitetet i Bergen deltok digitalt. Fra sekretariatet møtte seniorrådgiver Randi Moe, "
        "som førte protokollen.\n\n"
        "Meldt forfall: Sigrun Aas.\n\n"
        "Sak 01/24 Godkjenning av innkalling\nGodkjent.\n"
    )
    people = _people(text)
    assert people["Arnfinn Solheim"] == ("present", ["chair"])
    for name in ("Gunn Vik", "Tora Eide Lund", "Hallvard Næss", "Ola Berntsen"):
        assert people[name][0] == "present", name
    assert people["Randi Moe"] == ("present", ["minute_taker"])
    assert people["Sigrun Aas"][0] == "absent"


def test_swedish_prose_with_minute_taker_and_absence() -> None:
    text = (
        "Protokoll från styrelsemöte\n\n"
        "Mötet leddes av Birgitta Holmqvist. Närvarande var Anders Lindgren, Karin Sjöberg och "
        "Erik Nyström. Protokollförare: Sofia Ek. Förhinder hade anmälts av Lars Åkesson.\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    people = _people(text)
    assert people["Birgitta Holmqvist"] == ("present", ["chair"])
    for name in ("Anders Lindgren", "Karin Sjöberg", "Erik Nyström"):
        assert people[name][0] == "present", name
    assert people["Sofia Ek"] == ("present", ["minute_taker"])
    assert people["Lars Åkesson"][0] == "absent"


def test_english_prose_chair_after_names_and_apologies() -> None:
    text = (
        "Minutes of the Steering Group\n\n"
        "Present were Dr Hannah Morley, Prof. Tobias Reid and Grace Okafor. Hannah Morley chaired the "
        "meeting. Apologies were received from Liam Doherty.\n\n"
        "1. Welcome\nThe chair welcomed members.\n"
    )
    people = _people(text)
    assert people["Hannah Morley"] == ("present", ["chair"])
    assert people["Tobias Reid"][0] == "present"
    assert people["Grace Okafor"][0] == "present"
    assert people["Liam Doherty"][0] == "absent"


def test_prose_after_the_agenda_is_not_attendance() -> None:
    text = (
        "Referat\n\nTil stede: Jonas Brix, Ida Holt.\n\n"
        "1. Samarbejde\nMødet blev ledet af Karen Dyhr fra Region Nord, som vi besøgte i maj.\n"
    )
    people = _people(text)
    assert set(people) == {"Jonas Brix", "Ida Holt"}


def test_faroese_particles_are_part_of_the_name() -> None:
    text = (
        "Referat af styrelsesmøde\n\n"
        "Fremmødte: Jónleif við Á (formand); Bjørk í Túni (næstformand); Sverri Joensen.\n"
        "Afbud: Dánjal á Lakjuni.\n\n"
        "Pkt. 1. Godkendelse af dagsorden\nGodkendt.\n"
    )
    people = _people(text)
    assert people["Jónleif við Á"] == ("present", ["chair"])
    assert people["Bjørk í Túni"] == ("present", ["vice_chair"])
    assert people["Dánjal á Lakjuni"][0] == "absent"


def test_a_pdf_list_wrapped_inside_names_and_organisations() -> None:
    english = (
        "Minutes of the Council meeting\n"
        "Present: Ragnhild Ása Thorsen\n(President, in the chair), Oskar Bjerre\nNystrup (Treasurer), "
        "Liisa Mäkelä and Tove Sand\nHolmberg\nApologies: Petra Lind; Jussi\nKoskinen\n"
        "1. President's report\nThe President reported.\n"
    )
    people = _people(english)
    for name in ("Ragnhild Ása Thorsen", "Oskar Bjerre Nystrup", "Liisa Mäkelä", "Tove Sand Holmberg"):
        assert people[name][0] == "present", name
    assert people["Jussi Koskinen"][0] == "absent"
    assert "Holmberg" not in people and "Nystrup" not in people
    norwegian = (
        "MØTEREFERAT\nTilstede: Siv Elin Haug (leder), Universitetssykehuset\nNord-Norge\n"
        "Bodil Rasmussen, Nordlandssykehuset\nForfall: Geir Tveit, Helse Nord RHF\n"
        "Sak 1/23 Godkjenning\nGodkjent.\n"
    )
    people = _people(norwegian)
    assert people["Siv Elin Haug"] == ("present", ["chair"])
    assert people["Bodil Rasmussen"][0] == "present"
    assert people["Geir Tveit"][0] == "absent"


def test_a_paragraph_wrapped_by_its_writer_is_read_whole_with_posts_before_names() -> None:
    """Plain-text minutes wrap a long attendance sentence across lines; the lines after the first open
    with a post in lower case ("forskningssjef", "overlege") that no list of titles need name."""
    text = (
        "Protokoll fra møte i Fagrådet for genetikk\n\n"
        "Til stede var leder Gro Fjellheim Aune, nestleder Vidar Strand, forskningssjef Trine Hegge,\n"
        "professor Audun Myhre fra Universitetet i Tromsø, avdelingsoverlege Ragnhild Eik Lunde,\n"
        "brukerrepresentant Olav Kvam og sekretær Synnøve Riise; forfall hadde Berit Hovland og\n"
        "Einar Tangen. Rådgiver Live Opsahl fra Helse Nord RHF deltok som observatør, og\n"
        "Jostein Brekke fra Kreftregisteret deltok under sak 4/24.\n\n"
        "Sak 1/24 Godkjenning av innkalling\nGodkjent.\n"
    )
    people = _people(text)
    assert people["Gro Fjellheim Aune"] == ("present", ["chair"])
    assert people["Vidar Strand"] == ("present", ["vice_chair"])
    for name in ("Trine Hegge", "Audun Myhre", "Ragnhild Eik Lunde", "Olav Kvam", "Synnøve Riise"):
        assert people[name][0] == "present", name
    assert people["Olav Kvam"][1] == ["patient_representative"]
    assert people["Berit Hovland"][0] == people["Einar Tangen"][0] == "absent"  # the clause after ";"
    assert people["Live Opsahl"] == ("present", ["observer"])
    assert people["Jostein Brekke"][0] == "present"  # the clause after ", og"
    assert "Forskningssjef Trine Hegge" not in people


def test_a_list_item_after_a_semicolon_stays_in_the_list() -> None:
    """A semicolon between entries ("A, AU; B, KU") starts no clause of its own: only a phrase does."""
    text = (
        "Referat\n\n"
        "Til stede var Hans Kirk, Aarhus Universitet; Maja Lund, Københavns Universitet; Per Dahl.\n\n"
        "Dagsorden\n1. Meddelelser\n"
    )
    people = _people(text)
    assert {name: status for name, (status, _) in people.items()} == {
        "Hans Kirk": "present",
        "Maja Lund": "present",
        "Per Dahl": "present",
    }


def test_the_capacity_after_a_name_and_organisation_is_a_role() -> None:
    """ "X fra Helsedirektoratet som observatør", "Y, NHS England, as an observer", "som gjester": the
    capacity someone came in, what follows it (the item) left out of the organisation."""
    text = (
        "Protokoll\n\n"
        "Også til stede: Halvor Bratt fra Helsedirektoratet som observatør; Sunniva Dahle fra\n"
        "Norsk Helsenett SF som gjest under sak 8/24.\n\n"
        "Sak 1/24 Godkjenning\nGodkjent.\n"
    )
    found = {m.name: m for m in parse_minutes(text).attendance}
    assert (found["Halvor Bratt"].roles, found["Halvor Bratt"].affiliation) == (
        ["observer"],
        "Helsedirektoratet",
    )
    assert found["Sunniva Dahle"].roles == ["guest"]
    assert found["Sunniva Dahle"].affiliation == "Norsk Helsenett SF"

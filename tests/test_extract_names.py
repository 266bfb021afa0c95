"""Organisations and initiatives named in running text, by convention, in Danish, Norwegian, Swedish and
English: each convention over several small invented sentences, with the traps it must not fall into.

Every organisation and initiative here is made up unless it is in ``knowledge/gazetteer.yaml`` (and those
are used only where a known name is part of what is tested), so a pass means the convention holds, not
that a list knows the name.
"""

from __future__ import annotations

import pytest

from pmkg.ingest.extract import Context, extract


def names(text: str, language: str) -> tuple[set[str], set[str]]:
    """The organisations' and the initiatives' names (with their aliases) the rules find in ``text``."""
    content = extract(Context(text=text, language=language))
    orgs = {n for o in content.organizations for n in [o.name, *o.aliases]}
    initiatives = {n for i in content.initiatives for n in [i.name, *i.aliases]}
    return orgs, initiatives


def organisations(text: str, language: str) -> set[str]:
    return {o.name for o in extract(Context(text=text, language=language)).organizations}


def initiatives(text: str, language: str) -> dict[str, list[str]]:
    return {i.name: i.aliases for i in extract(Context(text=text, language=language)).initiatives}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Bestyrelsen mødtes med Patientforeningen Hjertebarn, som har 300 medlemmer.",
            "da",
            "Patientforeningen Hjertebarn",
        ),
        ("Prøverne sendes til Regionshospitalet Viborg til analyse.", "da", "Regionshospitalet Viborg"),
        (
            "Kristian fortalte at Universitetssykehuset Sør-Trøndelag nå tilbyr testen.",
            "no",
            "Universitetssykehuset Sør-Trøndelag",
        ),
        ("Hege ba om at også Helse Lofoten får tilbud om å delta.", "no", "Helse Lofoten"),
        ("Helse Møre og Romsdal har sendt sitt svar.", "no", "Helse Møre og Romsdal"),
        ("Föreningen har fått bidrag från Stiftelsen Gula Bandet för 2024.", "sv", "Stiftelsen Gula Bandet"),
        ("Patientföreningen Gen och Hälsa höll sitt årsmöte.", "sv", "Patientföreningen Gen och Hälsa"),
        ("Region Kalmar län har anslutit sig.", "sv", "Region Kalmar län"),
        ("Prof. Anne Dubois, Université Lyon Sud, joined online.", "en", "Université Lyon Sud"),
        (
            "Samples go to the Universitätsklinikum Nordheim for sequencing.",
            "en",
            "Universitätsklinikum Nordheim",
        ),
    ],
)
def test_an_organisation_word_opening_a_proper_name(text: str, language: str, name: str) -> None:
    assert name in organisations(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Board Members present agreed to the plan.", "en"),
        ("The meeting moved to Committee Room Two.", "en"),
        ("Styrelsen Anna Berg och Per Ek var inte närvarande.", "sv"),
        ("Hver region orienterte kort om status.", "no"),
        ("Hele bestyrelsen deltog i mødet.", "da"),
        ("Fra forskningsavdelingen møtte seniorrådgiver Synne Vik.", "no"),
        ("Members of the Board in attendance", "en"),
        ("Protokollet från sammanträdet den 12 april 2023 lades till handlingarna.", "sv"),
        ("Linking biobank samples to health records was discussed.", "en"),
        ("Gruppen diskuterade kopplingen till Europas plan mot en bättre vård.", "sv"),
    ],
)
def test_openers_headings_and_fragments_are_no_organisations(text: str, language: str) -> None:
    assert organisations(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Föreningen har beviljats bidrag från Myndigheten för delaktighet för 2024.",
            "sv",
            "Myndigheten för delaktighet",
        ),
        (
            "Protokollet sändes till Finlandssvenska föreningen för medicinsk genetik i går.",
            "sv",
            "Finlandssvenska föreningen för medicinsk genetik",
        ),
        (
            "Saken sendes til Norsk forening for klinisk farmakologi.",
            "no",
            "Norsk forening for klinisk farmakologi",
        ),
        (
            "Forslaget skal samordnes med Senter for psykofarmakologi ved sykehuset.",
            "no",
            "Senter for psykofarmakologi",
        ),
        (
            "Det avklares med Regional komité for medisinsk\nog helsefaglig forskningsetikk før oppstart.",
            "no",
            "Regional komité for medisinsk og helsefaglig forskningsetikk",
        ),
        ("Sagen blev forelagt Udvalget for klinisk genetik i marts.", "da", "Udvalget for klinisk genetik"),
        (
            "Nationalt Råd for kliniske retningslinjer har godkendt teksten.",
            "da",
            "Nationalt Råd for kliniske retningslinjer",
        ),
    ],
)
def test_a_nordic_name_goes_on_in_lower_case_after_for(text: str, language: str, name: str) -> None:
    assert name in organisations(text, language)


@pytest.mark.parametrize(
    ("text", "language", "wrong"),
    [
        ("Styregruppen for data besluttede at udskyde sagen.", "da", "Styregruppen for data"),
        ("The paper was submitted to the Board for approval.", "en", "Board for approval"),
        ("Vi skriver til Myndigheten för att få svar.", "sv", "Myndigheten för att"),
        ("Kreftforeningen for dette formålet har søkt.", "no", "Kreftforeningen for dette"),
    ],
)
def test_a_lower_case_tail_needs_a_noun_and_a_name_before_it(text: str, language: str, wrong: str) -> None:
    assert wrong not in organisations(text, language)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Brukerrådet sender innspill til Barne- og familiedepartementet.",
            "no",
            "Barne- og familiedepartementet",
        ),
        ("Svaret går till Arbets- och näringsdepartementet i maj.", "sv", "Arbets- och näringsdepartementet"),
        ("Høringssvaret sendes til Social- og Boligstyrelsen.", "da", "Social- og Boligstyrelsen"),
        (
            "Høringssvaret sendes til Digitaliserings- og ligestillingsministeriet.",
            "da",
            "Digitaliserings- og ligestillingsministeriet",
        ),
    ],
)
def test_a_split_compound_is_one_name(text: str, language: str, name: str) -> None:
    assert name in organisations(text, language)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Energistyrelsens rapport blev drøftet.", "da", "Energistyrelsen"),
        ("Styret støttet Blodsykdomsforeningens innspill.", "no", "Blodsykdomsforeningen"),
        ("Diabetesförbundets yttrande lades fram.", "sv", "Diabetesförbundet"),
    ],
)
def test_a_genitive_names_the_organisation(text: str, language: str, name: str) -> None:
    assert organisations(text, language) == {name}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Tilstede var overlæge Ib Lund fra Herlev og Gentofte Hospital.",
            "da",
            {"Herlev og Gentofte Hospital"},
        ),
        (
            "Pjecen laves sammen med Hjerteforeningen og Sjældne Diagnoser.",
            "da",
            {"Hjerteforeningen", "Sjældne Diagnoser"},
        ),
        ("Ordet gik til Jørn Skog fra Direktoratet for e-helse.", "no", {"Direktoratet for e-helse"}),
        (
            "The course is run with the University of Iceland and the University of\nTurku this spring.",
            "en",
            {"University of Iceland", "University of Turku"},
        ),
    ],
)
def test_names_joined_listed_or_broken_over_a_line(text: str, language: str, expected: set[str]) -> None:
    assert organisations(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "name", "acronym"),
    [
        (
            "Dr Ek noted that the Nordic Society of Paediatric Genetics (NSPG) is preparing a statement.",
            "en",
            "Nordic Society of Paediatric Genetics",
            "NSPG",
        ),
        (
            "The application to NordForsk and the Canadian Institutes of Health Research (CIHR) was sent.",
            "en",
            "Canadian Institutes of Health Research",
            "CIHR",
        ),
        (
            "Mikkel noted that the European Society of Rare\nGenetics (ESRG) is preparing a statement.",
            "en",
            "European Society of Rare Genetics",
            "ESRG",
        ),
        (
            "Norsk forening for klinisk genetikk (NFKG) inviterer til møte.",
            "no",
            "Norsk forening for klinisk genetikk",
            "NFKG",
        ),
        (
            "Udvalget anbefaler, at Dansk Selskab for Klinisk Biokemi (DSKB) udarbejder kriterier.",
            "da",
            "Dansk Selskab for Klinisk Biokemi",
            "DSKB",
        ),
        (
            "Ansökan skickas till Svenska sällskapet för medicinsk genetik (SSMG).",
            "sv",
            "Svenska sällskapet för medicinsk genetik",
            "SSMG",
        ),
    ],
)
def test_an_organisation_introduced_with_its_acronym(
    text: str, language: str, name: str, acronym: str
) -> None:
    orgs = {o.name: o.aliases for o in extract(Context(text=text, language=language)).organizations}
    assert acronym in orgs[name]


@pytest.mark.parametrize(
    ("text", "language", "name", "acronym"),
    [
        (
            "Han henviste til erfaringerne fra det europæiske projekt Nordic Pharmaco Study (N-PGs), hvor.",
            "da",
            "Nordic Pharmaco Study",
            "N-PGs",
        ),
        (
            "The results are compared with the Precision Kidney Trial (PKT-x) study. Dr Mo noted that.",
            "en",
            "Precision Kidney Trial",
            "PKT-x",
        ),
        (
            "Deltagelsen i det europæiske CANC4EU-projekt (Cancer Care for all EU citizens) blev drøftet.",
            "da",
            "Cancer Care for all EU citizens",
            "CANC4EU",
        ),
        (
            "Nätverket följer GENE2NORD-projektet (Genomics in the Nordic Region) noga.",
            "sv",
            "Genomics in the Nordic Region",
            "GENE2NORD",
        ),
        (
            "Nettverket deltar i Nordic Data Access Programme (NDAP) fra høsten.",
            "no",
            "Nordic Data Access Programme",
            "NDAP",
        ),
    ],
)
def test_an_initiative_introduced_with_its_acronym_before_or_after(
    text: str, language: str, name: str, acronym: str
) -> None:
    assert acronym in initiatives(text, language)[name]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The board signed a Memorandum of Understanding (MoU) in May.", "en"),
        ("Data from Whole Genome Sequencing (WGS) are stored in Sweden.", "en"),
        ("Der blev indgået en databehandleraftale (DBA) i marts.", "da"),
    ],
)
def test_a_term_with_an_acronym_is_no_entity(text: str, language: str) -> None:
    orgs, found = names(text, language)
    assert not {"MoU", "WGS", "DBA"} & (orgs | found)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Erfaringerne fra det europæiske projekt Solve-XY blev fremhævet.", "da", "Solve-XY"),
        ("Regionen deltager i det nationale studie ProKidney.", "da", "ProKidney"),
        ("Hun viste til prosjektet GenoVest og til resultatene.", "no", "GenoVest"),
        ("Nätverket följer studien NorrGen noga.", "sv", "NorrGen"),
        ("Dr Bello recalled the contribution of the H5Asia programme, funded by others.", "en", "H5Asia"),
        (
            "The Trust is part of the Northern Genomes of Moorland project.",
            "en",
            "Northern Genomes of Moorland",
        ),
        ("Data fra SkaGen-projektet kan bruges i klinikken.", "da", "SkaGen"),
        ("Sykehuset deltar i IMPRESS-Finnmark, og pasientene inkluderes.", "no", "IMPRESS-Finnmark"),
        ("Sjukhuset deltar även i InGenS sedan i fjol.", "sv", "InGenS"),
        ("The hospital participates in PRECISE-Kids from next year.", "en", "PRECISE-Kids"),
    ],
)
def test_an_initiative_introduced_by_its_noun_or_by_taking_part(text: str, language: str, name: str) -> None:
    assert name in initiatives(text, language)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Panelet drøftede høringssvaret om den nye National strategi for personlig medicin.", "da",
         "National strategi for personlig medicin"),
        ("Helse Vest har vedtatt Regional handlingsplan for persontilpasset\nmedisin, og arbeidet starter.",
         "no", "Regional handlingsplan for persontilpasset medisin"),
        ("Arbetet följer Nationell strategi för precisionsmedicin i vården som antogs i fjol.", "sv",
         "Nationell strategi för precisionsmedicin i vården"),
        ("The board welcomed the National Strategy for Genomic Medicine and its funding.", "en",
         "National Strategy for Genomic Medicine"),
        ("Utvalget viste til Nasjonal plan for genpaneler Kari Moe la fram.", "no",
         "Nasjonal plan for genpaneler"),
    ],
)  # fmt: skip
def test_a_strategy_or_plan_named_by_its_capitalised_scope_and_subject(
    text: str, language: str, name: str
) -> None:
    assert name in initiatives(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Regeringen vil udarbejde en ny national strategi for personlig medicin.", "da"),
        ("National strategi for personlig medicin blev drøftet.", "da"),  # a sentence's own capital
    ],
)
def test_a_strategy_written_in_lower_case_or_opening_a_sentence_is_no_name(text: str, language: str) -> None:
    assert not [name for name in initiatives(text, language) if "strategi" in name.lower()]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Danish project was approved.", "en"),
        ("Det nye projekt Anna Holm leder er i gang.", "da"),
        ("The Project was approved. Joint Action was discussed.", "en"),
        ("Hun deltar i Oslo og Bergen.", "no"),
        ("Styret deltar i Forum for data.", "no"),
    ],
)
def test_no_initiative_from_a_noun_without_a_name(text: str, language: str) -> None:
    found = initiatives(text, language)
    assert not {"Danish", "Anna Holm", "Oslo", "Forum"} & set(found)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Foreningen følger arbejdet i referencenetværket ERN GUARD-Heart.", "da", "ERN GUARD-Heart"),
        ("Sykehuset er med i ERN ITHACA og ERN EURACAN.", "no", "ERN EURACAN"),
        ("The board welcomed news from ERN GENTURIS.", "en", "ERN GENTURIS"),
        ("Nätverket ERN ReCONNET har nya ledamöter.", "sv", "ERN ReCONNET"),
    ],
)
def test_a_european_reference_network_by_its_own_name(text: str, language: str, name: str) -> None:
    assert name in initiatives(text, language)


def test_an_erns_coordinator_is_no_network() -> None:
    assert "ERN Coordinators" not in initiatives("ERN Coordinators met in Brussels.", "en")


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "It was linked to the European Platform on Rare Disease Registration last year.",
            "en",
            "European Platform on Rare Disease Registration",
        ),
        (
            "European Reference Network on Rare Kidney Disorders\nMeeting held on 3 May 2024",
            "en",
            "European Reference Network on Rare Kidney Disorders",
        ),
        (
            "Helseforetaket deltar i Nordic Genomic Data Access Pilot fra 2025.",
            "no",
            "Nordic Genomic Data Access Pilot",
        ),
    ],
)
def test_an_initiative_word_before_a_connector_or_ending_the_name(
    text: str, language: str, name: str
) -> None:
    assert name in initiatives(text, language)


@pytest.mark.parametrize(
    ("text", "language", "known"),
    [
        (
            "Eva deltar i ett rundabordssamtal som arrangeras av Sveriges Kommuner och Regioner.",
            "sv",
            "Sveriges Kommuner och Regioner",
        ),
        ("Registeret skal samordnes med Kreftregisteret.", "no", "Kreftregisteret"),
        ("Members will meet at the ESHG conference in Glasgow.", "en", "European Society of Human Genetics"),
        ("Studien gennemføres i samarbejde med Kræftens Bekæmpelse.", "da", "Kræftens Bekæmpelse"),
        ("Ansökan sker tillsammans med BBMRI.se och regionerna.", "sv", "Biobank Sverige"),
    ],
)
def test_well_known_bodies_without_an_organisation_word_come_from_the_gazetteer(
    text: str, language: str, known: str
) -> None:
    assert known in organisations(text, language) | set(initiatives(text, language))

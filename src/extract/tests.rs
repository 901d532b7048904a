use super::*;

use crate::lexicon::lexicon;
use crate::names::person_key;

/// One short article extracted alone, dated by its date line.
fn extracted(text: &str) -> Extracted {
    let doc = Document::from_text("t.txt", text);
    extract(&doc, doc.stated_date(), false, &HashMap::new(), lexicon())
}

/// The facts of one short article, dated by its date line.
fn facts_of(text: &str) -> Vec<Fact> {
    extracted(text)
        .facts
        .facts
        .into_iter()
        .map(|f| f.fact)
        .collect()
}

/// Each meeting of one short article with its venue.
fn venues_of(text: &str) -> Vec<(MeetingKey, Option<String>)> {
    (extracted(text).facts.meetings.into_iter())
        .map(|m| (m.key, m.venue))
        .collect()
}

/// The venue of each meeting of one short article.
fn venues_only(text: &str) -> Vec<Option<String>> {
    venues_of(text).into_iter().map(|(_, v)| v).collect()
}

fn leader_of(facts: &[Fact], country: &str) -> Option<PersonKey> {
    facts.iter().find_map(|f| match f {
        Fact::DelegationLeader {
            country: c, person, ..
        } if c == country => Some(person.clone()),
        _ => None,
    })
}

fn agreements(facts: &[Fact]) -> Vec<(AgreementKind, Option<u64>, Option<NaiveDate>)> {
    facts
        .iter()
        .filter_map(|f| match f {
            Fact::Agreement {
                meeting,
                kind,
                quantity,
            } => Some((*kind, *quantity, meeting.date)),
            _ => None,
        })
        .collect()
}

/// Runs `f` on the context of one sentence read alone.
fn with_ctx<R>(sentence: &str, f: impl FnOnce(&Ctx) -> R) -> R {
    let lex = lexicon();
    let clean = text::clean(&format!("{sentence}\n"));
    let s = text::sentences(&clean, lex).remove(0);
    let tokens = text::tokens(&s.text, lex);
    let m = mention::analyse(&tokens, lex);
    f(&Ctx::new(&s, &tokens, &m, Vec::new(), lex))
}

#[test]
fn a_phrase_is_found_where_its_words_first_start_at_or_after_a_token() {
    with_ctx(
        "The talks ended, and talks will go on after the talks end.",
        finds_phrases,
    );
}

fn finds_phrases(ctx: &Ctx) {
    // The(0) talks(1) ended(2) ,(3) and(4) talks(5) will(6) go(7) on(8)
    // after(9) the(10) talks(11) end(12) .(13)
    assert_eq!(ctx.find("talks", 0), Some(1));
    assert_eq!(ctx.find("talks", 2), Some(5));
    assert_eq!(ctx.find("talks", 6), Some(11));
    assert_eq!(ctx.find("talks", 12), None);
    assert_eq!(ctx.find("the talks end", 0), Some(10));
    assert_eq!(ctx.find("talks end", 0), Some(11));
    assert_eq!(ctx.find("talks will", 0), Some(5));
    assert_eq!(ctx.find("the", 1), Some(10));
    // a last word past the sentence's end, and words it lacks
    assert_eq!(ctx.find("end . more", 0), None);
    assert_eq!(ctx.find("ceasefire", 0), None);
    assert_eq!(ctx.find("talks began", 0), None);
}

#[test]
fn a_definite_office_points_back_to_its_one_holder() {
    let facts = facts_of(
        "May 16, 2025\n\nRussian and Ukrainian delegations held talks in Istanbul on \
         Friday. Kremlin aide Vladimir Medinsky spoke first.\n\nThe Kremlin aide \
         headed Russia's team.\n",
    );
    assert_eq!(
        leader_of(&facts, "Russia"),
        Some(person_key("Vladimir Medinsky"))
    );
}

#[test]
fn elliptical_delegations_take_the_verb_of_the_first() {
    let facts = facts_of(
        "September 15, 2020\n\nWASHINGTON — Israel and Bahrain signed agreements on \
         Tuesday in Washington. The Israeli delegation was led by Prime Minister \
         Benjamin Netanyahu, and Bahrain's by its foreign minister, Abdullatif Al \
         Zayani.\n",
    );
    assert_eq!(
        leader_of(&facts, "Bahrain"),
        Some(person_key("Abdullatif Al Zayani"))
    );
}

#[test]
fn an_agreement_dated_by_its_verb_waits_for_the_event_of_that_day() {
    let facts = facts_of(
        "Published: 19.03.2025\n\nRussian President Vladimir Putin agreed on Tuesday to \
         a 30-day ceasefire on energy targets, which Kyiv had backed at last week's \
         talks in Jeddah.\n\nThe commitment came during a telephone call with U.S. \
         President Donald Trump.\n",
    );
    let tuesday = NaiveDate::from_ymd_opt(2025, 3, 18);
    assert!(
        agreements(&facts).contains(&(AgreementKind::Ceasefire, Some(30), tuesday)),
        "{:?}",
        agreements(&facts)
    );
    let call_on_tuesday = facts.iter().any(|f| {
        matches!(f, Fact::Meeting { meeting }
            if meeting.kind == MeetingKind::PhoneCall && meeting.date == tuesday)
    });
    assert!(call_on_tuesday);
}

#[test]
fn near_deals_trade_truces_old_ceasefires_and_topics_of_talks_to_come() {
    let kinds = |text: &str| -> Vec<AgreementKind> {
        let mut k: Vec<AgreementKind> = agreements(&facts_of(text))
            .into_iter()
            .map(|(k, _, _)| k)
            .collect();
        k.sort_by_key(|k| k.label());
        k
    };
    let head = "May 16, 2025\n\nDelegations held talks in Geneva on Friday. ";
    assert_eq!(
        kinds(&format!(
            "{head}They came close to agreeing on a ceasefire.\n"
        )),
        vec![]
    );
    assert_eq!(
        kinds(&format!("{head}They agreed a 90-day tariff truce.\n")),
        vec![AgreementKind::Other]
    );
    assert!(
        !kinds(&format!(
            "{head}They agreed to respect the ceasefire of 2020.\n"
        ))
        .contains(&AgreementKind::Ceasefire),
        "the ceasefire is of 2020, not of these talks"
    );
    assert_eq!(
        kinds(&format!(
            "{head}They agreed to keep negotiating, first on a short-term truce.\n"
        )),
        vec![AgreementKind::FurtherTalks]
    );
}

#[test]
fn the_two_panels_are_parties_not_a_number_agreed() {
    let facts = facts_of(
        "June 4, 2020\n\nLISBON, June 4 (Lusa) - Portugal and Spain signed a fishing \
         accord in Lisbon on Thursday.\n\nUnder the accord, the two panels will continue negotiating the \
         annexes.\n",
    );
    let further: Vec<_> = (agreements(&facts).into_iter())
        .filter(|(k, _, _)| *k == AgreementKind::FurtherTalks)
        .collect();
    assert_eq!(
        further,
        vec![(
            AgreementKind::FurtherTalks,
            None,
            NaiveDate::from_ymd_opt(2020, 6, 4)
        )]
    );
}

#[test]
fn a_stance_is_not_an_agreement_but_a_signed_deal_is() {
    let stance = facts_of(
        "May 16, 2025\n\nDelegations held talks in Istanbul on Friday. Russia is \
         committed to finding a settlement, a spokesman said.\n",
    );
    assert!(agreements(&stance).is_empty(), "{:?}", agreements(&stance));
    let signed = facts_of(
        "February 29, 2020\n\nDOHA, Qatar — The United States and the Taliban signed \
         an agreement in the Qatari capital on Saturday. Under the deal, the U.S. will \
         cut its forces to 8,600 within 135 days.\n",
    );
    let day = NaiveDate::from_ymd_opt(2020, 2, 29);
    assert!(
        agreements(&signed).contains(&(AgreementKind::Other, Some(8600), day)),
        "{:?}",
        agreements(&signed)
    );
    let in_doha = signed.iter().any(
        |f| matches!(f, Fact::Meeting { meeting } if meeting.place.as_deref() == Some("Doha")),
    );
    assert!(in_doha);
}

fn members(facts: &[Fact]) -> Vec<(String, PersonKey)> {
    facts
        .iter()
        .filter_map(|f| match f {
            Fact::DelegationMember {
                country, person, ..
            } => Some((country.clone(), person.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_leader_joined_at_the_table_takes_the_country_of_who_joins_him() {
    let facts = facts_of(
        "June 3, 2024\n\nPresident Tom Ash and Spanish Premier Ivo Marr held a summit in \
         Lisbon on Monday. Ash was joined at the table by Secretary of State Ben Hale, \
         and Marr, the party leader, was flanked by his aide, Lev Dorn.\n\nThe Hamas \
         negotiators were headed by Omar Aziz.\n",
    );
    assert_eq!(
        leader_of(&facts, "United States"),
        Some(person_key("Tom Ash"))
    );
    let listed = members(&facts);
    assert!(listed.contains(&("United States".into(), person_key("Ben Hale"))));
    assert!(
        !listed.contains(&("United States".into(), person_key("Ivo Marr"))),
        "Marr's clause is his own: {listed:?}"
    );
    // the subject past its apposition ("Marr, the party leader, was ...")
    assert_eq!(leader_of(&facts, "Spain"), Some(person_key("Ivo Marr")));
    assert!(listed.contains(&("Spain".into(), person_key("Lev Dorn"))));
    assert_eq!(leader_of(&facts, "Hamas"), Some(person_key("Omar Aziz")));
    // a side named after its list's opening
    let facts = facts_of(
        "June 3, 2024\n\nThe two leaders held a summit in Lisbon on Monday. Among the \
         members of the Spanish delegation were Ana Reis and Luis Mota. Members of \
         parliament, among them Rui Cruz, protested.\n",
    );
    let mut names: Vec<PersonKey> = members(&facts).into_iter().map(|(_, p)| p).collect();
    names.sort();
    assert_eq!(names, vec![person_key("Ana Reis"), person_key("Luis Mota")]);
}

#[test]
fn the_one_whose_delegation_it_is_leads_it_and_takes_his_companions() {
    let facts = facts_of(
        "2002/09/17 21:46\n\nLISBON, Sept. 17 (Lusa) -- Portuguese Prime Minister Rui \
         Vaz held a summit with Spanish Premier Ivo Marr in Madrid on Tuesday.\n\nThe \
         two men talked for three hours.\n\nThe talks covered fishing.\n\nTrade came \
         up too.\n\nOfficials said the Spanish side told Vaz's delegation that the \
         border would open.\n\nVaz, who was accompanied by Foreign Minister Ana Reis, \
         made a protest.\n",
    );
    assert_eq!(leader_of(&facts, "Portugal"), Some(person_key("Rui Vaz")));
    assert!(members(&facts).contains(&("Portugal".into(), person_key("Ana Reis"))));
    // not when another is said to lead it
    let facts = facts_of(
        "2002/09/17 21:46\n\nLISBON, Sept. 17 (Lusa) -- Talks between Portugal and \
         Spain were held in Madrid on Tuesday.\n\nPortuguese Foreign Minister Ana Reis \
         headed the Portuguese delegation.\n\nSpanish officials told Portuguese Prime \
         Minister Rui Vaz's delegation that the border would open.\n",
    );
    let leaders: Vec<&PersonKey> = (facts.iter())
        .filter_map(|f| match f {
            Fact::DelegationLeader { person, .. } => Some(person),
            _ => None,
        })
        .collect();
    assert_eq!(leaders, vec![&person_key("Ana Reis")]);
}

#[test]
fn at_those_talks_is_the_event_the_sentence_before_told_of() {
    let extracted = extracted(
        "15/10/2012 19:05\n\nMANILA, Oct 15 (Bernama) -- The two sides today signed a \
         peace accord.\n\nThe text was concluded in Lisbon earlier this month, in talks \
         led by a mediator.\n\nAt those talks the Spanish panel was headed by Ivo \
         Marr.\n",
    );
    let leaders: Vec<&MeetingKey> = (extracted.facts.facts.iter())
        .filter_map(|f| match &f.fact {
            Fact::DelegationLeader { meeting, .. } => Some(meeting),
            _ => None,
        })
        .collect();
    assert_eq!(leaders.len(), 1, "{leaders:?}");
    assert_eq!(leaders[0].place.as_deref(), Some("Lisbon"), "{leaders:?}");
}

#[test]
fn the_one_a_country_sent_leads_its_side() {
    let facts = facts_of(
        "28 May 2008\n\nFive ministers met in Lisbon on Wednesday. Spain is represented \
         by Foreign Minister Ivo Marr, while France sent Deputy Foreign Minister Lev \
         Dorn.\n",
    );
    assert_eq!(leader_of(&facts, "Spain"), Some(person_key("Ivo Marr")));
    assert_eq!(leader_of(&facts, "France"), Some(person_key("Lev Dorn")));
    // not troops, and not outside talk of a meeting
    let facts = facts_of(
        "28 May 2008\n\nFrance sent troops to the border. France sent Lev Dorn to \
         the front.\n",
    );
    assert_eq!(leader_of(&facts, "France"), None);
}

fn chairs(facts: &[Fact]) -> Vec<PersonKey> {
    facts
        .iter()
        .filter_map(|f| match f {
            Fact::Chair { person, .. } => Some(person.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn hosts_after_an_auxiliary_and_facilitators_chair() {
    let facts = facts_of(
        "28 May 2008\n\nThe five ministers met in Lisbon on Wednesday. Foreign Minister \
         Rui Vaz and Spain's premier, Ivo Marr, are hosting the meeting.\n",
    );
    assert_eq!(chairs(&facts), vec![person_key("Ivo Marr")]);
    let facts = facts_of(
        "28 May 2008\n\nThe two sides concluded their talks in Lisbon on Wednesday, \
         in talks facilitated by Lev Dorn.\n",
    );
    assert_eq!(chairs(&facts), vec![person_key("Lev Dorn")]);
    // a surname after a generational suffix
    let facts = facts_of(
        "28 May 2008\n\nPresident Rui Vaz III hosted the ceremony in Lisbon on \
         Wednesday.\n\nVaz chaired the talks.\n",
    );
    assert_eq!(chairs(&facts), vec![person_key("Rui Vaz III")]);
}

#[test]
fn a_chair_in_a_relative_clause_and_a_king_named_like_a_princes_father() {
    let facts = facts_of(
        "June 3, 2024\n\nThe two leaders signed an accord in Jeddah on Monday at a \
         ceremony hosted by King Salman. Crown Prince Mohammed bin Salman attended.\n",
    );
    assert_eq!(chairs(&facts), vec![person_key("Salman")]);
    let facts = facts_of(
        "June 3, 2024\n\nThe two sides held talks in Doha on Monday. Sheikh Tamim Al \
         Sani, who is also Qatar's foreign minister and who mediated the negotiations, \
         spoke afterwards.\n",
    );
    assert_eq!(chairs(&facts), vec![person_key("Tamim Al Sani")]);
}

/// (person, office, country) of each role in `facts`.
fn roles(facts: &[Fact]) -> Vec<(PersonKey, String, Option<String>)> {
    facts
        .iter()
        .filter_map(|f| match f {
            Fact::Role {
                person,
                title,
                country,
                ..
            } => Some((person.clone(), title.clone(), country.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn an_office_after_who_is_also() {
    let facts = facts_of(
        "June 3, 2024\n\nThe two sides held talks in Doha on Monday. Sheikh Tamim Al \
         Sani, who is also Qatar's foreign minister, spoke afterwards.\n",
    );
    let roles = roles(&facts);
    assert_eq!(
        roles,
        vec![(
            person_key("Tamim Al Sani"),
            "Foreign Minister".to_string(),
            Some("Qatar".to_string())
        )]
    );
}

#[test]
fn an_office_held_then_is_an_office() {
    let facts = facts_of(
        "June 3, 1976\n\nTalks in Lisbon in January between Rui Vaz and then-Prime \
         Minister Ivo Marr failed.\n",
    );
    let roles = roles(&facts);
    assert!(
        roles.contains(&(person_key("Ivo Marr"), "Prime Minister".to_string(), None)),
        "{roles:?}"
    );
}

#[test]
fn a_list_leaves_out_relative_clauses_and_the_bodies_of_offices() {
    let facts = facts_of(
        "June 3, 2024\n\nThe two sides held talks in Doha on Monday. The Israeli \
         delegation included Ronen Bar, head of the Shin Bet service, and Ben Hale, \
         who had met Prime Minister Ivo Marr in Jerusalem.\n",
    );
    let mut names: Vec<PersonKey> = members(&facts).into_iter().map(|(_, p)| p).collect();
    names.sort();
    assert_eq!(names, vec![person_key("Ben Hale"), person_key("Ronen Bar")]);
}

#[test]
fn a_minister_seated_with_his_leader_is_in_his_delegation() {
    let facts = facts_of(
        "June 3, 2024\n\nThe two presidents held a summit in Lisbon on Monday. \
         Secretary of State Ben Hale sat with President Tom Ash, and Lev Dorn, the \
         Spanish foreign minister, sat with Spanish President Ivo Marr. Later, Tom Ash \
         sat with Ivo Marr.\n",
    );
    assert_eq!(
        leader_of(&facts, "United States"),
        Some(person_key("Tom Ash"))
    );
    assert_eq!(leader_of(&facts, "Spain"), Some(person_key("Ivo Marr")));
    let mut listed = members(&facts);
    listed.sort();
    assert_eq!(
        listed,
        vec![
            ("Spain".into(), person_key("Ivo Marr")),
            ("Spain".into(), person_key("Lev Dorn")),
            ("United States".into(), person_key("Ben Hale")),
            ("United States".into(), person_key("Tom Ash")),
        ]
    );
}

#[test]
fn two_subjects_accompanied_by_their_ministers_each_get_theirs() {
    let facts = facts_of(
        "June 3, 2024\n\nThe summit of Greek Prime Minister Kostas Andreou and \
         Turkish President Ali Demir began in Athens on Monday. Andreou and Demir were \
         accompanied by their foreign ministers, Eleni Pappas and Murat Kaya.\n",
    );
    let members = members(&facts);
    for (country, name) in [
        ("Greece", "Kostas Andreou"),
        ("Greece", "Eleni Pappas"),
        ("Turkey", "Ali Demir"),
        ("Turkey", "Murat Kaya"),
    ] {
        assert!(
            members.contains(&(country.into(), person_key(name))),
            "{name} in {country}'s delegation: {members:?}"
        );
    }
    assert_eq!(members.len(), 4, "{members:?}");
    assert_eq!(
        leader_of(&facts, "Greece"),
        Some(person_key("Kostas Andreou"))
    );
    assert_eq!(leader_of(&facts, "Turkey"), Some(person_key("Ali Demir")));
}

#[test]
fn a_plural_office_before_names_goes_to_each_with_its_country() {
    let facts = facts_of(
        "May 1, 2023\n\nForeign ministers Anna Berg of Sweden, Pedro Alves of \
         Portugal and Jan Novak of Poland met in Vienna on Monday. Presidents Kostas \
         Andreou and Ali Demir spoke by phone. Their defence ministers, Norway's Ola \
         Lunde and Finland's Aino Virtanen, joined later. The ministers, Carl Holm and \
         Eva Lind, left.\n",
    );
    let roles = roles(&facts);
    let has = |name: &str, title: &str, country: Option<&str>| {
        roles.contains(&(person_key(name), title.into(), country.map(Into::into)))
    };
    assert!(
        has("Anna Berg", "Foreign Minister", Some("Sweden")),
        "{roles:?}"
    );
    assert!(
        has("Pedro Alves", "Foreign Minister", Some("Portugal")),
        "{roles:?}"
    );
    assert!(
        has("Jan Novak", "Foreign Minister", Some("Poland")),
        "{roles:?}"
    );
    assert!(has("Kostas Andreou", "President", None), "{roles:?}");
    assert!(has("Ali Demir", "President", None), "{roles:?}");
    assert!(
        has("Ola Lunde", "Defense Minister", Some("Norway")),
        "{roles:?}"
    );
    assert!(
        has("Aino Virtanen", "Defense Minister", Some("Finland")),
        "{roles:?}"
    );
    // a bare "ministers" names no whole office
    assert!(
        !roles.iter().any(|(p, _, _)| *p == person_key("Carl Holm")),
        "{roles:?}"
    );
}

/// The (date, place) of each meeting found in `text`.
fn meeting_keys(text: &str) -> Vec<(Option<NaiveDate>, Option<String>)> {
    facts_of(text)
        .into_iter()
        .filter_map(|f| match f {
            Fact::Meeting { meeting } => Some((meeting.date, meeting.place)),
            _ => None,
        })
        .collect()
}

#[test]
fn an_undated_meeting_in_the_dateline_city_is_on_the_leads_day() {
    let keys = meeting_keys(
        "Neighbours seal border deal after marathon Lisbon talks\n\nPublished 9 March \
         2023\n\nLISBON (Reuters) - Two neighbours reached a long-sought deal on Tuesday \
         to settle a border dispute.\n\nThe final round was held at a palace hotel and \
         was chaired by a mediator.\n",
    );
    let day = NaiveDate::from_ymd_opt(2023, 3, 7);
    assert!(keys.contains(&(day, Some("Lisbon".into()))), "{keys:?}");
    assert!(keys.iter().all(|(d, _)| d.is_some()), "{keys:?}");
}

#[test]
fn without_a_dateline_the_leads_day_dates_the_one_undated_place() {
    // Wednesday 8 March 2023; the coming Sunday is the 12th, not the 5th
    let keys = meeting_keys(
        "Rivals agree truce after weeks of talks in Lisbon\n\nWed 8 Mar 2023 20.31 GMT\n\n\
         The two rivals have agreed to a truce, the mediator announced on Wednesday, \
         raising hopes of calm.\n\nThe mediator, who chaired the negotiations, said \
         the truce would take effect on Sunday.\n",
    );
    let day = NaiveDate::from_ymd_opt(2023, 3, 8);
    assert_eq!(keys, vec![(day, Some("Lisbon".into()))]);
}

#[test]
fn a_weekday_after_will_or_would_is_the_coming_one() {
    let keys = meeting_keys(
        "Wed 8 Mar 2023\n\nThe two foreign ministers will hold talks in Lisbon \
         on Monday, officials said.\n",
    );
    assert_eq!(
        keys,
        vec![(NaiveDate::from_ymd_opt(2023, 3, 13), Some("Lisbon".into()))]
    );
}

#[test]
fn an_unnamed_city_is_the_datelines_and_a_lawn_of_a_known_venue_is_in_its_city() {
    let keys = meeting_keys(
        "Published: 28th April 2018\n\nLISBON: Two prime ministers ended two days \
         of relaxed talks in this ancient Atlantic city on Saturday.\n",
    );
    let day = NaiveDate::from_ymd_opt(2018, 4, 28);
    assert_eq!(keys, vec![(day, Some("Lisbon".into()))]);
    let keys = meeting_keys(
        "Tuesday 14 September 1993\n\nThe two leaders met on the South Lawn of the \
         White House yesterday.\n",
    );
    let day = NaiveDate::from_ymd_opt(1993, 9, 13);
    assert_eq!(keys, vec![(day, Some("Washington".into()))]);
}

#[test]
fn a_meeting_on_a_day_of_a_two_day_summit_is_part_of_it() {
    let keys = meeting_keys(
        "Published: 28th April 2018\n\nLISBON: Prime Minister Ana Reis and President \
         Ivo Marr ended two days of talks in this city on Saturday.\n\nReis hosted Marr \
         on Friday at a museum in Lisbon.\n",
    );
    let day = NaiveDate::from_ymd_opt(2018, 4, 28);
    assert_eq!(keys, vec![(day, Some("Lisbon".into()))]);
}

#[test]
fn a_dateline_may_end_in_a_colon() {
    let keys = meeting_keys(
        "Published: 28th April 2018\n\nLISBON: Two prime ministers ended two days \
         of talks in this city on Saturday.\n",
    );
    let day = NaiveDate::from_ymd_opt(2018, 4, 28);
    assert_eq!(keys, vec![(day, Some("Lisbon".into()))]);
}

#[test]
fn a_dateline_city_the_gazetteer_lacks_stands_before_its_country_and_agency() {
    let keys = meeting_keys(
        "07.07.2017 04:12\n\nLake-Vista, Switzerland (dpa) - Talks on the island's future \
         broke down without an agreement on Friday.\n",
    );
    let day = NaiveDate::from_ymd_opt(2017, 7, 7);
    assert_eq!(keys, vec![(day, Some("Lake-Vista".into()))]);
    // two names and no country: no dateline
    let keys = meeting_keys(
        "07.07.2017 04:12\n\nSmith, Jones (dpa) - Talks on the island's future broke \
         down without an agreement on Friday.\n",
    );
    assert_eq!(keys, vec![(day, None)]);
}

#[test]
fn a_dateline_that_names_a_country_stands_for_its_capital() {
    let keys = meeting_keys(
        "3 March 1989\n\nMEXICO, Mar. 3 (Notimex) - Two ministers ended their \
         talks on Friday.\n",
    );
    let day = NaiveDate::from_ymd_opt(1989, 3, 3);
    assert_eq!(keys, vec![(day, Some("Mexico City".into()))]);
    // a headline in capitals is no dateline
    let keys = meeting_keys(
        "MEXICO, CUBA END TALKS\n\n3 March 1989\n\nTwo ministers ended their \
         talks on Friday.\n",
    );
    assert_eq!(keys, vec![(day, None)]);
}

#[test]
fn the_leads_summit_away_from_the_dateline_city_is_on_the_leads_day() {
    let keys = meeting_keys(
        "Summit In Madrid\n\n2024/05/07 21:46\n\nLISBON, May 7 (Lusa) -- Prime Minister \
         Ana Sousa admitted on Tuesday that the border had been neglected, at a summit \
         with Spanish Prime Minister Pablo Ortiz in Madrid, according to reports \
         monitored here.\n",
    );
    let day = NaiveDate::from_ymd_opt(2024, 5, 7);
    assert_eq!(keys, vec![(day, Some("Madrid".into()))]);
    // without a dateline, the lead's day may be another event's
    let keys = meeting_keys(
        "2024/05/13\n\nTwo neighbours will lower their tariffs for 90 days, the two \
         governments said in a joint statement on Monday, after two days of \
         negotiations in Geneva that both sides called useful.\n\nThe talks took \
         place on Saturday and Sunday at a villa above the lake.\n",
    );
    let monday = NaiveDate::from_ymd_opt(2024, 5, 13);
    assert!(!keys.contains(&(monday, Some("Geneva".into()))), "{keys:?}");
}

#[test]
fn talks_opened_here_are_in_the_datelines_city() {
    let keys = meeting_keys(
        "Dec. 22, 1969\n\nLISBON, Portugal (UPI) — Two neighbours today signed a \
         border treaty.\n\nTalks opened here Nov. 17 on a second treaty.\n",
    );
    let opened = NaiveDate::from_ymd_opt(1969, 11, 17);
    assert!(keys.contains(&(opened, Some("Lisbon".into()))), "{keys:?}");
    assert!(
        keys.iter().all(|(_, p)| p.as_deref() == Some("Lisbon")),
        "{keys:?}"
    );
}

#[test]
fn the_city_a_visitor_visited_is_the_place_of_his_talks() {
    let keys = meeting_keys(
        "December 12, 1996\n\nDorn visited Lisbon on November 27 and held talks with \
         Portuguese leaders on the water issue.\n",
    );
    let day = NaiveDate::from_ymd_opt(1996, 11, 27);
    assert_eq!(keys, vec![(day, Some("Lisbon".into()))]);
}

#[test]
fn a_citys_name_may_open_a_venues_name() {
    let venues = venues_only(
        "March 21, 2018\n\nThe leaders signed the accord at the Lisbon Convention \
         Centre on Wednesday.\n",
    );
    assert_eq!(venues, vec![Some("Lisbon Convention Centre".into())]);
}

#[test]
fn five_weeks_of_talks_are_one_event_from_their_first_day_to_their_last() {
    let keys = meeting_keys(
        "Dec. 22, 1969\n\nLISBON, Portugal (UPI) — Two neighbours today wound up five \
         weeks of talks on their border.\n\nThe talks opened here Nov. 17.\n",
    );
    let ended = NaiveDate::from_ymd_opt(1969, 12, 22);
    assert_eq!(keys, vec![(ended, Some("Lisbon".into()))]);
}

#[test]
fn a_month_day_to_come_months_before_the_article_is_next_years() {
    let keys = meeting_keys(
        "Dec. 22, 1969\n\nLISBON, Portugal (UPI) — Two neighbours today ended talks on \
         their border and agreed to resume their negotiations in Madrid on April 16.\n",
    );
    let next = NaiveDate::from_ymd_opt(1970, 4, 16);
    assert!(keys.contains(&(next, Some("Madrid".into()))), "{keys:?}");
    // a day just gone stays in its year, even when it was "due"
    let keys = meeting_keys(
        "May 5, 1970\n\nTwo neighbours said talks that were due to resume in Madrid on \
         May 2 had been put off.\n",
    );
    assert!(
        !keys
            .iter()
            .any(|(d, _)| d.is_some_and(|d| d.year() == 1971)),
        "{keys:?}"
    );
}

#[test]
fn a_summit_by_video_link_is_in_no_city() {
    let keys = meeting_keys(
        "Thursday, 4 June 2020 9:58PM\n\nLISBON, June 4 (Lusa) - Two prime ministers \
         signed a deal on ports.\n\nThe two leaders held their summit by video link on \
         Thursday.\n\nThe talks ran for about 70 minutes.\n",
    );
    assert_eq!(keys, vec![(NaiveDate::from_ymd_opt(2020, 6, 4), None)]);
    // photos posted online are no meeting at a distance
    let keys = meeting_keys(
        "Thursday, 4 June 2020 9:58PM\n\nLISBON, June 4 (Lusa) - Two prime ministers \
         held talks on Thursday and posted photos online.\n",
    );
    assert_eq!(
        keys,
        vec![(NaiveDate::from_ymd_opt(2020, 6, 4), Some("Lisbon".into()))]
    );
}

#[test]
fn a_day_without_place_and_a_place_without_day_are_one_event() {
    let keys = meeting_keys(
        "2023-03-09T10:00:00Z\n\nThe two foreign ministers held talks on Thursday \
         for the first time in a year.\n\nA mediator chaired the session at a hotel \
         in Antalya.\n",
    );
    let day = NaiveDate::from_ymd_opt(2023, 3, 9);
    assert!(keys.contains(&(day, Some("Antalya".into()))), "{keys:?}");
    assert!(
        keys.iter().all(|k| *k == (day, Some("Antalya".into()))),
        "{keys:?}"
    );
}

#[test]
fn a_dateline_in_title_case_with_its_day_and_the_city_it_names() {
    let keys = meeting_keys(
        "Mon 6 Mar 2023 - 18:00 GMT\n\nLisbon, Mar 6 (AFP) - Two neighbours ended \
         talks on Monday.\n\nTheir envoys had met over dinner in the city on Sunday.\n",
    );
    assert!(
        keys.contains(&(NaiveDate::from_ymd_opt(2023, 3, 6), Some("Lisbon".into()))),
        "{keys:?}"
    );
    assert!(
        keys.contains(&(NaiveDate::from_ymd_opt(2023, 3, 5), Some("Lisbon".into()))),
        "{keys:?}"
    );
}

#[test]
fn an_office_shared_over_a_list_goes_to_each_in_order() {
    let facts = facts_of(
        "May 1, 2023\n\nThe foreign ministers of Armenia and Azerbaijan, Ararat \
         Mirzoyan and Jeyhun Bayramov, began talks in Washington on Monday.\n",
    );
    let role_of = |name: &str| {
        facts.iter().find_map(|f| match f {
            Fact::Role {
                person,
                title,
                country,
                ..
            } if *person == person_key(name) => Some((title.clone(), country.clone())),
            _ => None,
        })
    };
    assert_eq!(
        role_of("Ararat Mirzoyan"),
        Some(("Foreign Minister".into(), Some("Armenia".into())))
    );
    assert_eq!(
        role_of("Jeyhun Bayramov"),
        Some(("Foreign Minister".into(), Some("Azerbaijan".into())))
    );
}

#[test]
fn earlier_rounds_listed_by_day_are_each_a_meeting_where_the_talks_are() {
    let facts = facts_of(
        "July 24, 2025\n\nISTANBUL — Russian and Ukrainian delegations held talks in \
         Istanbul on Wednesday. The first two rounds were held on May 16 and June 2.\n",
    );
    for (m, d) in [(5, 16), (6, 2)] {
        let day = NaiveDate::from_ymd_opt(2025, m, d);
        let found = facts.iter().any(|f| {
            matches!(f, Fact::Meeting { meeting }
                if meeting.date == day && meeting.place.as_deref() == Some("Istanbul"))
        });
        assert!(found, "no round on {day:?}");
    }
}

#[test]
fn an_office_without_country_is_the_datelines_when_that_country_is_a_party() {
    let home = facts_of(
        "June 3, 2024\n\nLIMA, Peru — Peru and Chile held talks in Arica on Monday. \
         The Peruvian delegation was led by Interior Minister Ana Solis. \
         President Tomas Vera welcomed the outcome.\n",
    );
    assert!(roles(&home).contains(&(
        person_key("Tomas Vera"),
        "President".to_string(),
        Some("Peru".to_string())
    )));
    // a host that sent no delegation: its guests' offices stay unplaced
    let host = facts_of(
        "June 3, 2024\n\nLIMA, Peru — Chile and Bolivia held talks in Lima on Monday. \
         The Chilean delegation was led by Interior Minister Ana Solis. \
         President Tomas Vera welcomed the outcome.\n",
    );
    assert!(roles(&host).contains(&(person_key("Tomas Vera"), "President".to_string(), None)));
}

#[test]
fn days_of_talks_before_a_telling_end_before_its_day() {
    // Monday 13 March 2023; the talks were on the weekend before
    let text = "March 13, 2023\n\nThe two neighbours will cut their port fees for \
                60 days, the two governments said on Monday, after two days of talks in \
                Lisbon. The talks took place on Saturday and Sunday at a hotel.\n";
    let keys = meeting_keys(text);
    let saturday = NaiveDate::from_ymd_opt(2023, 3, 11);
    assert_eq!(keys, vec![(saturday, Some("Lisbon".into()))]);
}

#[test]
fn the_number_a_change_starts_from_is_not_the_agreed_one() {
    let facts = facts_of(
        "March 13, 2023\n\nThe two neighbours held talks in Lisbon on Monday. They \
         agreed that port fees will fall from 145% to 30% within a month.\n",
    );
    let quantities: Vec<Option<u64>> = agreements(&facts).iter().map(|a| a.1).collect();
    assert_eq!(quantities, vec![Some(30)]);
}

#[test]
fn agreeing_to_continue_their_discussions_is_further_talks() {
    let facts = facts_of(
        "March 13, 2023\n\nThe two neighbours held talks in Lisbon on Monday. They \
         agreed to continue their discussions on port fees.\n",
    );
    let kinds: Vec<AgreementKind> = agreements(&facts).iter().map(|a| a.0).collect();
    assert_eq!(kinds, vec![AgreementKind::FurtherTalks]);
}

#[test]
fn a_family_name_that_is_also_a_pronoun_opens_a_name_before_another() {
    let facts = facts_of(
        "March 13, 2023\n\nThe two neighbours held talks in Lisbon on Monday. The \
         Chinese delegation was headed by Vice Premier He Wenjun. He told reporters \
         the talks were useful.\n",
    );
    assert_eq!(leader_of(&facts, "China"), Some(person_key("He Wenjun")));
    // the pronoun that follows is no person
    let people: Vec<PersonKey> = roles(&facts).into_iter().map(|r| r.0).collect();
    assert_eq!(people, vec![person_key("He Wenjun")]);
}

#[test]
fn a_dateline_day_and_the_same_weekday_are_one_day_for_a_lone_summit() {
    // Friday 27 April 2018; both the dateline and "on Friday" give that day
    let facts = facts_of(
        "2018.04.27\n\nLIMA, April 27 (Andina) -- The two presidents agreed on Friday \
         to open their border to trade, at the first summit in a decade.\n",
    );
    let day = NaiveDate::from_ymd_opt(2018, 4, 27);
    assert!(
        facts
            .iter()
            .any(|f| matches!(f, Fact::Meeting { meeting } if meeting.date == day)),
        "{facts:?}"
    );
}

#[test]
fn a_day_of_the_month_is_not_an_agreed_number() {
    let facts = facts_of(
        "March 13, 2023\n\nThe two neighbours held talks in Lisbon on Monday. They \
         agreed to stop border broadcasts from May 1.\n",
    );
    let quantities: Vec<Option<u64>> = agreements(&facts).iter().map(|a| a.1).collect();
    assert_eq!(quantities, vec![None]);
}

#[test]
fn the_subject_of_after_chairing_chairs_and_a_bare_meeting_points_back() {
    let text = "March 13, 2023\n\nLIMA, March 13 (Andina) -- Peru and Chile agreed to \
                reopen the border, President Ana Solis announced after chairing a meeting \
                between the two sides here today. The meeting, which began at 3 pm, was \
                attended by two ambassadors. It will be followed by a meeting of the army \
                commanders tomorrow.\n";
    let facts = facts_of(text);
    let today = NaiveDate::from_ymd_opt(2023, 3, 13);
    let chaired: Vec<(PersonKey, Option<NaiveDate>)> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Chair { meeting, person } => Some((person.clone(), meeting.date)),
            _ => None,
        })
        .collect();
    assert_eq!(chaired, vec![(person_key("Ana Solis"), today)]);
    // "The meeting, which began" (sentence 2) is the chaired one: tomorrow's
    // meeting is first told of in sentence 3
    let tomorrow = NaiveDate::from_ymd_opt(2023, 3, 14);
    let first_told: Vec<usize> = (extracted(text).facts.facts.iter())
        .filter(|f| matches!(&f.fact, Fact::Meeting { meeting } if meeting.date == tomorrow))
        .map(|f| f.evidence.sentence)
        .collect();
    assert_eq!(first_told, vec![3]);
}

#[test]
fn an_office_written_with_a_hyphen_is_the_office() {
    let facts = facts_of(
        "June 11, 2025\n\nThe two sides held talks in London on Monday. China's \
         delegation was led by Vice-Premier Zhao Wen.\n",
    );
    assert_eq!(leader_of(&facts, "China"), Some(person_key("Zhao Wen")));
    assert!(roles(&facts).contains(&(
        person_key("Zhao Wen"),
        "Vice Premier".to_string(),
        Some("China".to_string())
    )));
}

#[test]
fn companions_with_and_alongside_him_join_the_delegation_led() {
    let facts = facts_of(
        "June 11, 2025\n\nThe two sides held talks in London on Monday. The American \
         side was headed by Treasury Secretary Ben Hale, with Commerce Secretary Tom \
         Ash and Lev Dorn alongside him.\n",
    );
    let mut listed = members(&facts);
    listed.sort();
    let us = |p: &str| ("United States".to_string(), person_key(p));
    assert_eq!(listed, vec![us("Ben Hale"), us("Lev Dorn"), us("Tom Ash")]);
}

#[test]
fn two_leaders_of_different_countries_who_last_spoke_on_a_day_had_a_call() {
    let facts = facts_of(
        "June 5, 2025\n\nPeruvian President Ana Solis and Chilean President Tom Ash \
         spoke by phone on Thursday. Solis and Ash last spoke on January 17.\n",
    );
    let calls: Vec<Option<NaiveDate>> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Meeting { meeting } if meeting.kind == MeetingKind::PhoneCall => {
                Some(meeting.date)
            }
            _ => None,
        })
        .collect();
    assert!(
        calls.contains(&NaiveDate::from_ymd_opt(2025, 1, 17)),
        "{calls:?}"
    );
}

#[test]
fn sides_named_by_their_leaders_country_elided_or_as_the_sentences_subject() {
    let facts = facts_of(
        "January 24, 2017\n\nThe two sides held talks in Astana on Monday. The \
         government side was headed by Ivo Marr, Peru's ambassador to the United \
         Nations. Iran was represented by a team under Deputy Foreign Minister Ana \
         Solis, and Turkey's was headed by Lev Dorn, a senior diplomat. The United \
         States, in the middle of a change of government, took part only as an observer \
         and was represented by its ambassador to Kazakhstan, Tom Ash.\n",
    );
    assert_eq!(leader_of(&facts, "Peru"), Some(person_key("Ivo Marr")));
    assert_eq!(leader_of(&facts, "Iran"), Some(person_key("Ana Solis")));
    assert_eq!(leader_of(&facts, "Turkey"), Some(person_key("Lev Dorn")));
    assert_eq!(
        leader_of(&facts, "United States"),
        Some(person_key("Tom Ash"))
    );
    // each in one delegation only
    let listed = members(&facts);
    assert_eq!(listed.len(), 4, "{listed:?}");
}

#[test]
fn a_village_of_a_name_is_a_place_and_under_the_agreement_goes_on_about_it() {
    let facts = facts_of(
        "17 June 2018\n\nThe two neighbours signed an agreement on Sunday in the fishing \
         village of Velmora. Afterwards the two leaders held talks in the village of \
         Ostrin. Under the agreement, the border will open to trade.\n",
    );
    let keys: Vec<(Option<NaiveDate>, Option<String>)> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Agreement { meeting, .. } => Some((meeting.date, meeting.place.clone())),
            _ => None,
        })
        .collect();
    let sunday = NaiveDate::from_ymd_opt(2018, 6, 17);
    assert_eq!(keys, vec![(sunday, Some("Velmora".to_string()))]);
    let places: Vec<Option<String>> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Meeting { meeting } => Some(meeting.place.clone()),
            _ => None,
        })
        .collect();
    assert!(places.contains(&Some("Ostrin".to_string())), "{places:?}");
}

#[test]
fn a_middle_initial_stays_in_the_name_and_a_subject_is_found_past_its_apposition() {
    let facts = facts_of(
        "January 24, 1973\n\nTom R. Ash and Lev Dorn held talks in Paris on Tuesday. \
         Dr. Ash, President Marr's assistant for national security affairs, led the \
         American team.\n",
    );
    assert_eq!(
        leader_of(&facts, "United States"),
        Some(person_key("Tom R. Ash"))
    );
}

#[test]
fn a_capital_in_the_possessive_stands_for_its_country_side() {
    let facts = facts_of(
        "January 24, 1973\n\nThe two sides held talks in Paris on Tuesday. Lev Dorn, \
         whose formal title is special adviser, headed Hanoi's side.\n",
    );
    assert_eq!(leader_of(&facts, "Vietnam"), Some(person_key("Lev Dorn")));
}

#[test]
fn the_sentence_after_a_deals_terms_may_go_on_giving_them() {
    let mutual = facts_of(
        "January 24, 1973\n\nThe two sides signed an agreement in Paris on Tuesday. \
         Under the agreement, a truce will begin on Saturday. Both sides are to return \
         all prisoners of war within 60 days.\n",
    );
    let kinds = agreements(&mutual);
    assert!(
        kinds
            .iter()
            .any(|a| a.0 == AgreementKind::PrisonerExchange && a.1 == Some(60)),
        "{kinds:?}"
    );
    let one_sided = facts_of(
        "January 24, 1973\n\nThe two sides signed an agreement in Paris on Tuesday. \
         Under the agreement, a truce will begin on Saturday. Prisoners of the armed \
         groups are to be released early.\n",
    );
    let kinds = agreements(&one_sided);
    assert!(
        !kinds.iter().any(|a| a.0 == AgreementKind::PrisonerExchange),
        "{kinds:?}"
    );
}

#[test]
fn initials_open_a_name_and_an_honorific_does_not_hide_it_from_its_office() {
    let facts = facts_of(
        "July 3, 1972\n\nThe two leaders held a summit in Simla on Sunday. Her team \
         included the Foreign Secretary, Mr T. N. Raul, and her Principal Secretary, \
         Mr P. N. Dakshar.\n",
    );
    let roles = roles(&facts);
    let titled = |p: &str, t: &str| roles.iter().any(|r| r.0 == person_key(p) && r.1 == t);
    assert!(titled("T. N. Raul", "Foreign Secretary"), "{roles:?}");
    assert!(titled("P. N. Dakshar", "Principal Secretary"), "{roles:?}");
}

#[test]
fn what_a_deal_leaves_out_and_the_topics_of_talks_to_come_are_not_agreed() {
    let facts = facts_of(
        "July 3, 1972\n\nThe two leaders signed an agreement in Simla on Sunday. They \
         also agreed to meet again, and officials will meet to work out the \
         arrangements for peace, including the repatriation of prisoners of war. The \
         agreement does not settle the future of 90,000 prisoners.\n",
    );
    let kinds: Vec<AgreementKind> = agreements(&facts).iter().map(|a| a.0).collect();
    assert!(
        !kinds.contains(&AgreementKind::PrisonerExchange),
        "{kinds:?}"
    );
    assert!(kinds.contains(&AgreementKind::FurtherTalks), "{kinds:?}");
}

#[test]
fn one_leaders_delegation_included_a_and_anothers_included_b() {
    let facts = facts_of(
        "Nov. 21, 1995\n\nThe three presidents held talks in Dayton on Tuesday. \
         Peruvian President Ana Solis, Chilean President Tom Ash and Bolivian President \
         Ivo Marr attended. Solis's delegation included Prime Minister Lev Dorn, who \
         fought over the map, and Ash's included Foreign Minister Ben Hale.\n",
    );
    assert_eq!(leader_of(&facts, "Chile"), Some(person_key("Tom Ash")));
    let mut listed = members(&facts);
    listed.sort();
    assert!(
        listed.contains(&("Chile".to_string(), person_key("Ben Hale"))),
        "{listed:?}"
    );
    assert!(
        listed.contains(&("Peru".to_string(), person_key("Lev Dorn"))),
        "{listed:?}"
    );
    assert!(
        !listed.contains(&("Peru".to_string(), person_key("Ben Hale"))),
        "{listed:?}"
    );
}

#[test]
fn a_day_within_weeks_of_talks_is_part_of_them() {
    // Tuesday 21 November 1995; the Monday before is within the 21 days
    let keys = meeting_keys(
        "Nov. 21, 1995\n\nDAYTON, Ohio (AP) — The three presidents initialed an \
         agreement today, after 21 days of closed-door negotiations at the air base. \
         On Monday night, negotiators were preparing statements saying the talks had \
         failed.\n",
    );
    let day = NaiveDate::from_ymd_opt(1995, 11, 21);
    assert_eq!(keys, vec![(day, Some("Dayton".into()))]);
}

#[test]
fn the_signing_at_a_venue_places_the_signed_deal() {
    let venues = venues_only(
        "October 18, 2023\n\nLIMA, Oct 17 (Reuters) - The two sides signed a deal on \
         Tuesday to hold an election next year. The signing at the Ana Solis Centre on \
         the outskirts of Lima was the first accord in a year.\n",
    );
    assert_eq!(venues, vec![Some("Ana Solis Centre".to_string())]);
}

#[test]
fn a_venue_noun_then_its_name_in_apposition_but_not_a_speaker() {
    let venue_of = venues_only;
    assert_eq!(
        venue_of(
            "July 28, 2025\n\nLIMA, July 28 - The two leaders held a meeting at the \
             president's official residence, Casa Rosada Nueva, here today.\n"
        ),
        vec![Some("Casa Rosada Nueva".to_string())]
    );
    assert_eq!(
        venue_of(
            "July 28, 2025\n\nLIMA, July 28 - The two leaders held a meeting at the \
             palace, Ana Solis said today.\n"
        ),
        vec![None]
    );
}

#[test]
fn a_working_lunch_is_a_meeting_its_delegations_sit_at() {
    let facts = facts_of(
        "Jul 16, 2018\n\nLIMA (AP) — President Tom Ash and Spanish President Ivo Marr \
         spent two hours together in the palace on Monday, then spoke to reporters.\n\n\
         Peruvian President Ana Solis welcomed both men at the palace, on the Lima \
         waterfront. The one-on-one session ran long. At the working lunch that \
         followed, Lev Dorn, the Spanish foreign minister, sat with Marr. Earlier on \
         Monday, Ash met Solis over breakfast.\n",
    );
    assert_eq!(leader_of(&facts, "Spain"), Some(person_key("Ivo Marr")));
}

#[test]
fn a_mediator_without_object_chairs_the_talks_told_of_not_a_round_compared() {
    let text = "April 19, 2025\n\nROME (AP) — Iran and the United States held a second \
                round of negotiations in Rome on Saturday. The session was held at the \
                Omani Embassy. Foreign Minister Lev Dorn mediated, moving between the two \
                rooms as he had done at the first round in Muscat last Saturday. The two \
                sides agreed to meet again next week.\n";
    let facts = facts_of(text);
    let rome = |m: &MeetingKey| m.place.as_deref() == Some("Rome");
    let chaired: Vec<bool> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Chair { meeting, .. } => Some(rome(meeting)),
            _ => None,
        })
        .collect();
    assert_eq!(chaired, vec![true]);
    let agreed: Vec<bool> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Agreement { meeting, .. } => Some(rome(meeting)),
            _ => None,
        })
        .collect();
    assert_eq!(agreed, vec![true]);
    let venues: Vec<Option<String>> = (venues_of(text).into_iter())
        .filter(|(k, _)| rome(k))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(venues, vec![Some("Omani Embassy".to_string())]);
}

#[test]
fn a_deal_to_be_signed_before_or_until_something_is_not_agreed() {
    let facts = facts_of(
        "July 10, 2025\n\nThe two leaders held talks in Abu Dhabi on Thursday. Baku \
         wants Armenia to change its constitution before the treaty is signed.\n",
    );
    assert_eq!(agreements(&facts), vec![]);
}

#[test]
fn a_resort_of_a_town_is_no_venue_and_co_chairs_chair() {
    let text = "13 Oct 2025\n\nThe leaders signed a document at a summit in the Egyptian \
                Red Sea resort of Sharm el-Sheikh on Monday. Egyptian President Ana Solis \
                co-chaired the summit.\n";
    assert_eq!(venues_only(text), vec![None]);
    let facts = facts_of(text);
    assert_eq!(chairs(&facts), vec![person_key("Ana Solis")]);
}

#[test]
fn a_town_the_gazetteer_lacks_is_a_place_when_named_with_its_country_state_or_kind() {
    let keys = meeting_keys(
        "July 29, 2025\n\nThe president held talks with the prime minister in \
         Turnberry, Scotland, on Monday.\n",
    );
    let monday = NaiveDate::from_ymd_opt(2025, 7, 28);
    assert_eq!(keys, vec![(monday, Some("Turnberry".into()))]);
    // with its state, or with what it is
    let keys = meeting_keys(
        "July 29, 2025\n\nThe two presidents held a summit in Lakewood, N.J., on \
         Monday.\n",
    );
    assert_eq!(keys, vec![(monday, Some("Lakewood".into()))]);
    let keys = meeting_keys(
        "July 29, 2025\n\nThe two ministers held talks at Costa Bela, a seaside resort \
         south of the capital, on Monday.\n",
    );
    assert_eq!(keys, vec![(monday, Some("Costa Bela".into()))]);
}

#[test]
fn a_gathering_billed_as_a_summit_is_one_summit_on_its_day() {
    let text = "Published On 9 Mar 2026\n\nThe leaders of Kenya and Ghana signed a pact at a \
                summit in the lakeside town of Kisumu. President Ama Osei and President Joel \
                Kamau co-chaired Monday's gathering, billed as the Kisumu Unity Summit. The \
                accord was negotiated in talks in Kisumu that began on March 2.\n";
    let extracted = extracted(text);
    let monday = NaiveDate::from_ymd_opt(2026, 3, 9);
    let summits: Vec<Option<NaiveDate>> = (extracted.facts.meetings.iter())
        .filter(|m| m.key.kind == MeetingKind::Summit)
        .map(|m| m.key.date)
        .collect();
    assert_eq!(summits, vec![monday]);
    let chaired: Vec<(PersonKey, MeetingKind)> = (extracted.facts.facts.iter())
        .filter_map(|f| match &f.fact {
            Fact::Chair { meeting, person } => Some((person.clone(), meeting.kind)),
            _ => None,
        })
        .collect();
    assert!(chaired.contains(&(person_key("Joel Kamau"), MeetingKind::Summit)));
    // "intelligence gathering" is no event
    let facts =
        facts_of("May 4, 2026\n\nOfficials said intelligence gathering had improved on Monday.\n");
    assert!(!facts.iter().any(|f| matches!(f, Fact::Meeting { .. })));
}

#[test]
fn an_agreed_visit_is_a_leaders_meeting() {
    let facts = facts_of(
        "ACCRA, June 3 (GNA) -- President Ama Osei met President Joel Kamau in Accra on \
         Tuesday. The two leaders agreed that Kamau would visit Kenya's neighbour in May.\n",
    );
    let kinds: Vec<AgreementKind> = agreements(&facts).iter().map(|a| a.0).collect();
    assert_eq!(kinds, vec![AgreementKind::LeadersMeeting]);
}

#[test]
fn a_week_of_talks_in_a_capital_named_by_its_country_holds_its_signing_but_not_separate_talks() {
    let text = "12 March 1971\n\nNAIROBI, March 12. (KNA). The President of Kenya, Joel Kamau, \
                and the President of Ghana, Ama Osei, signed a joint declaration here today. \
                The declaration crowns a week of talks that opened in the capital of Kenya on \
                Saturday, March 6. On Thursday the host held further separate talks with \
                President Osei. The two leaders also agreed that the two sides will continue \
                meetings at every level.\n";
    let meetings: Vec<MeetingKey> = (extracted(text).facts.meetings.into_iter())
        .map(|m| m.key)
        .collect();
    let day = |d| NaiveDate::from_ymd_opt(1971, 3, d);
    let talks: Vec<(Option<NaiveDate>, Option<&str>)> = (meetings.iter())
        .filter(|m| m.kind == MeetingKind::Talks)
        .map(|m| (m.date, m.place.as_deref()))
        .collect();
    // the signing is a day of the talks, which are in Nairobi
    assert_eq!(talks, vec![(day(6), Some("Nairobi"))]);
    // Thursday's separate talks are an event of their own
    assert!(meetings.iter().any(|m| m.date == day(11)));
    assert!(!meetings.iter().any(|m| m.date == day(12)));
    let kinds: Vec<AgreementKind> = agreements(&facts_of(text)).iter().map(|a| a.0).collect();
    assert!(kinds.contains(&AgreementKind::FurtherTalks));
}

#[test]
fn a_span_of_talks_is_given_in_days_weeks_or_a_day_count_before_the_noun() {
    let span = |sentence: &str| {
        with_ctx(sentence, |ctx| {
            (0..ctx.tokens.len()).filter_map(|k| span_at(ctx, k)).max()
        })
    };
    assert_eq!(span("It ended four days of negotiations."), Some(4));
    assert_eq!(span("It crowned a week of talks."), Some(7));
    assert_eq!(span("It closed the 13-day summit."), Some(13));
    assert_eq!(span("It closed three-day talks."), Some(3));
    assert_eq!(span("It brought 60 days of calm."), None);
    assert_eq!(span("They agreed a 30-day ceasefire."), None);
}

#[test]
fn tonight_dates_the_lead_and_a_far_event_cedes_a_place_to_a_near_one() {
    let text = "Sunday, Sept. 17, 1978\n\nNAIROBI (AP) — President Ama Osei and President \
                Joel Kamau signed two documents tonight. The signing took place at State House. \
                The summit was the latest step in a long process that began with a trip by Osei \
                to Mombasa last November, when he held talks with Kamau. Kamau will report on the \
                summit to a joint session of parliament on Monday night.\n";
    let meetings: Vec<MeetingKey> = (extracted(text).facts.meetings.into_iter())
        .map(|m| m.key)
        .collect();
    let day = |m, d| NaiveDate::from_ymd_opt(1978, m, d);
    // "tonight" in the lead dates the signing in the dateline's city
    assert!(meetings
        .iter()
        .any(|m| m.date == day(9, 17) && m.place.as_deref() == Some("Nairobi")));
    // Mombasa is the place of the talks near it, not of "The summit"
    assert!(!meetings
        .iter()
        .any(|m| m.kind == MeetingKind::Summit && m.place.as_deref() == Some("Mombasa")));
    // "will report ... on Monday night": the coming Monday
    assert!(!meetings.iter().any(|m| m.date == day(9, 11)));
}

#[test]
fn talks_met_at_a_venue_after_a_contact_on_friday_keep_their_delegations() {
    let text = "OCTOBER 5, 2019 / 6:51 PM\n\nNAIROBI (Reuters) - Ghana's chief negotiator said on \
                Saturday that talks with Kenya in Nairobi had broken down. The talks were the \
                first since a summit between the two presidents in Accra collapsed last year. \
                The delegations met for most of the day at the Safari Park Hotel, after a \
                preliminary contact on Friday. The Kenyan delegation was headed by Joel Kamau. \
                The leaders had met at the Mombasa border post on June 30.\n";
    let facts = facts_of(text);
    let saturday = NaiveDate::from_ymd_opt(2019, 10, 5);
    let led: Vec<(Option<NaiveDate>, Option<String>)> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::DelegationLeader { meeting, .. } => Some((meeting.date, meeting.place.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(led, vec![(saturday, Some("Nairobi".to_string()))]);
    let meetings: Vec<MeetingKey> = (extracted(text).facts.meetings.into_iter())
        .map(|m| m.key)
        .collect();
    // "at the Mombasa border post": a place after "at the"
    assert!(meetings
        .iter()
        .any(|m| m.place.as_deref() == Some("Mombasa")));
    // the Accra summit of "last year" is not dated to any day of this news
    assert!(meetings
        .iter()
        .filter(|m| m.place.as_deref() == Some("Accra"))
        .all(|m| m.date.is_none()));
}

#[test]
fn a_mention_with_only_a_venue_is_not_bare() {
    let mention = MeetingMention {
        kind: MeetingKind::Meeting,
        date: None,
        year: None,
        place: None,
        venue: Some("Villa Elfvik Strand".into()),
        explicit: true,
        earlier: false,
        anaphoric: false,
        separate: false,
        remote: false,
        sentence: 4,
        merged: None,
    };
    assert!(!mention.is_bare());
    assert!(MeetingMention {
        venue: None,
        ..mention
    }
    .is_bare());
}

#[test]
fn after_two_sides_named_as_a_pair_one_person_of_a_pair_gives_the_other_his_side() {
    let roles = |text: &str| -> Vec<(PersonKey, Option<String>)> {
        facts_of(text)
            .into_iter()
            .filter_map(|f| match f {
                Fact::Role {
                    person, country, ..
                } => Some((person, country)),
                _ => None,
            })
            .collect()
    };
    let text = "May 2, 1975\n\nACCRA, May 2 (GNA) -- Ghana and Kenya signed a trade pact on \
                Friday when Prime Minister Kofi Mensah and Kenyan Premier Joel Kamau met in \
                Accra. Foreign Minister Ama Osei and her Kenyan counterpart, Ruth Njeri, \
                signed the annex.\n";
    let found = roles(text);
    assert!(found.contains(&(person_key("Kofi Mensah"), Some("Ghana".into()))));
    assert!(found.contains(&(person_key("Ama Osei"), Some("Ghana".into()))));
    // a pair named after "claimed by both A and B" gives no side, nor does
    // a list of one side's people
    let text = "May 2, 1975\n\nThe hills are claimed by both Ghana and Kenya. Prime Minister \
                Kofi Mensah and Kenyan Premier Joel Kamau met in Accra on Friday.\n";
    assert!(roles(text).contains(&(person_key("Kofi Mensah"), None)));
    let text = "May 2, 1975\n\nGhana and Kenya met in Accra on Friday. Kenyan Premier Joel \
                Kamau came along with Trade Minister Kofi Mensah and Kenyan Health Minister Ruth \
                Njeri.\n";
    assert!(roles(text).contains(&(person_key("Kofi Mensah"), None)));
    // "announced by A and his counterpart B" is a pair, "accompanied by A
    // and B" a list
    let text = "May 2, 1975\n\nGhana and Kenya agreed on Monday to end the dispute. The deal \
                was announced by Foreign Minister Kofi Mensah and his Kenyan counterpart, Ruth \
                Njeri.\n";
    assert!(roles(text).contains(&(person_key("Kofi Mensah"), Some("Ghana".into()))));
    let text = "May 2, 1975\n\nGhana and Kenya agreed on Monday to end the dispute. Kamau was \
                accompanied by Trade Minister Kofi Mensah and Kenyan Health Minister Ruth \
                Njeri.\n";
    assert!(roles(text).contains(&(person_key("Kofi Mensah"), None)));
}

#[test]
fn the_tail_of_a_full_name_is_that_person() {
    let facts = facts_of(
        "May 2, 1966\n\nTalks between Ghana and Togo opened in Accra on Monday. The President \
         of Ghana, Kwame Kofi Mensah, spoke. The Ghanaian delegation, led by President Kofi \
         Mensah, included Trade Minister Ama Osei.\n",
    );
    assert_eq!(
        leader_of(&facts, "Ghana"),
        Some(person_key("Kwame Kofi Mensah"))
    );
    assert!(!facts
        .iter()
        .any(|f| f.person() == Some(&person_key("Kofi Mensah"))));
}

#[test]
fn a_government_and_a_front_each_send_a_team_to_talks_that_began_days_before() {
    let text = "Published On 2 Nov 2022\n\nThe Ethiopian government and the forces of the \
                northern region have agreed to stop fighting, mediators said. The agreement \
                was signed in the South African capital, Pretoria, on Wednesday at the end of \
                more than a week of talks that began on October 25. The government delegation \
                was led by Amanuel Tesfaye. The team of the Tigray People's Liberation Front \
                (TPLF) was headed by its spokesman, Berhane Kidane.\n";
    let facts = facts_of(text);
    let begun = NaiveDate::from_ymd_opt(2022, 10, 25);
    let led: Vec<(String, PersonKey, Option<NaiveDate>, Option<String>)> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::DelegationLeader {
                meeting,
                country,
                person,
            } => Some((
                country.clone(),
                person.clone(),
                meeting.date,
                meeting.place.clone(),
            )),
            _ => None,
        })
        .collect();
    let pretoria = Some("Pretoria".to_string());
    assert_eq!(
        led,
        vec![
            (
                "Ethiopia".to_string(),
                person_key("Amanuel Tesfaye"),
                begun,
                pretoria.clone()
            ),
            (
                "TPLF".to_string(),
                person_key("Berhane Kidane"),
                begun,
                pretoria
            ),
        ]
    );
}

#[test]
fn accompanied_at_the_meeting_by_lists_the_delegation() {
    let facts = facts_of(
        "May 16, 1989\n\nBEIJING, May 16 (Xinhua) -- Chinese Premier Li Wen met here this \
         morning with Soviet President Ivan Orlov. Orlov was accompanied at the meeting by \
         Soviet Foreign Minister Pavel Sokolov and Anton Volkov.\n",
    );
    assert_eq!(
        leader_of(&facts, "Soviet Union"),
        Some(person_key("Ivan Orlov"))
    );
    // paragraphs after the meeting was told, "at the meeting" still names it
    let facts = facts_of(
        "May 16, 1989\n\nBEIJING, May 16 (Xinhua) -- Chinese Premier Li Wen met here this \
         morning with Soviet President Ivan Orlov. The meeting lasted two hours. Li said the \
         aim was to open up the future. He said that ties should grow. Trade was discussed \
         too. Orlov was accompanied at the meeting by Soviet Foreign Minister Pavel Sokolov \
         and Anton Volkov.\n",
    );
    assert_eq!(
        leader_of(&facts, "Soviet Union"),
        Some(person_key("Ivan Orlov"))
    );
    assert!(facts.iter().any(|f| matches!(f,
        Fact::DelegationMember { person, .. } if *person == person_key("Anton Volkov"))));
}

#[test]
fn a_call_told_in_the_present_perfect_is_of_the_articles_day() {
    let text = "27 September 2013 Last updated at 22:51 GMT\n\nPresident Ama Osei has spoken by \
                telephone with Kenya's President Joel Kamau, the first conversation between \
                the two since the 1979 revolution. At Thursday's meeting in Nairobi the \
                parties agreed to resume formal negotiations in Geneva on 15 and 16 October.\n";
    let calls: Vec<MeetingKey> = (extracted(text).facts.meetings.into_iter())
        .map(|m| m.key)
        .filter(|k| k.kind == MeetingKind::PhoneCall)
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].date, NaiveDate::from_ymd_opt(2013, 9, 27));
    assert_eq!(calls[0].year, None);
    let deals: Vec<(AgreementKind, Option<u64>)> = agreements(&facts_of(text))
        .into_iter()
        .map(|(k, q, _)| (k, q))
        .collect();
    assert_eq!(deals, vec![(AgreementKind::FurtherTalks, None)]);
    // two days of a month are no quantity
    let deals = agreements(&facts_of(
        "May 2, 2013\n\nThe two sides met in Nairobi on Thursday and agreed a truce for \
         15 and 16 October.\n",
    ));
    assert_eq!(deals.len(), 1);
    assert_eq!(deals[0].1, None);
}

#[test]
fn a_counterpart_of_a_two_word_adjective_takes_the_owners_office() {
    let facts = facts_of(
        "Dec 28, 2015\n\nSEOUL - The deal was announced by Foreign Minister Ken Sato and his \
         South Korean counterpart, Park Min-ho, at a news conference in Seoul.\n",
    );
    assert!(roles(&facts).contains(&(
        person_key("Park Min-ho"),
        "Foreign Minister".to_string(),
        Some("South Korea".to_string())
    )));
}

#[test]
fn to_meet_again_somewhere_on_a_day_is_an_announced_meeting() {
    let lead = "March 14, 2023\n\nGENEVA (Reuters) - Officials of the two neighbours held \
                talks in Geneva on Tuesday. ";
    let geneva = (NaiveDate::from_ymd_opt(2023, 3, 14), Some("Geneva".into()));
    let vienna = (NaiveDate::from_ymd_opt(2023, 3, 28), Some("Vienna".into()));
    for next in [
        "The two sides agreed to meet again in Vienna on March 28.",
        "Foreign Minister Ana Lima is due to meet Mr Kofi Mensah in Vienna on March 28.",
    ] {
        assert_eq!(
            meeting_keys(&format!("{lead}{next}\n")),
            vec![geneva.clone(), vienna.clone()],
            "{next}"
        );
    }
    // "meet" as in meeting demands, people meeting, or an offer: no event
    for other in [
        "The border reopened on Tuesday, allowing families to meet.",
        "The government failed to meet the demands in Vienna on March 28.",
        "Ana Lima has repeatedly offered to meet Kofi Mensah in Vienna.",
    ] {
        assert_eq!(
            meeting_keys(&format!("{lead}{other}\n")),
            vec![geneva.clone()],
            "{other}"
        );
    }
}

#[test]
fn a_chair_past_a_relative_clause_or_an_apposition_and_a_host_of_a_guest() {
    let lead = "June 3, 2024\n\nThe two sides signed an accord in Lisbon on Monday. ";
    for chair in [
        "Secretary of State Ana Sousa, whom the delegates elected president of the \
         conference, presided over the ceremony.",
        "General Juha Virtanen of Finland, the acting commander of the United Nations \
         Emergency Force, presided over the ceremony.",
    ] {
        let facts = facts_of(&format!("{lead}{chair}\n"));
        let name = if chair.contains("Sousa") {
            "Ana Sousa"
        } else {
            "Juha Virtanen"
        };
        assert_eq!(chairs(&facts), vec![person_key(name)], "{chair}");
    }
    // the host of a guest chairs the guest's visit, not the talks of the lead
    let text = "March 10, 2023\n\nThe two sides held talks in Beijing on Friday. Chinese \
                President Li Wen, who held talks with Crown Prince Omar Said in Riyadh in \
                December, hosted Iranian President Reza Karimi in Beijing last month.\n";
    let chaired: Vec<(Option<NaiveDate>, PersonKey)> = facts_of(text)
        .into_iter()
        .filter_map(|f| match f {
            Fact::Chair { meeting, person } => Some((meeting.date, person)),
            _ => None,
        })
        .collect();
    assert_eq!(chaired, vec![(None, person_key("Li Wen"))]);
}

#[test]
fn a_conference_is_talks_but_a_news_conference_is_not() {
    let keys = meeting_keys(
        "July 7, 2017\n\nThe conference in Geneva opened on Wednesday with an address by \
         the mediator.\n",
    );
    assert_eq!(
        keys,
        vec![(NaiveDate::from_ymd_opt(2017, 7, 5), Some("Geneva".into()))]
    );
    for other in [
        "The minister told a news conference in Ankara on Wednesday that he was hopeful.",
        "Reporters waited at the conference center in Ankara on Wednesday.",
    ] {
        assert_eq!(
            meeting_keys(&format!("July 7, 2017\n\n{other}\n")),
            vec![],
            "{other}"
        );
    }
}

#[test]
fn delegations_whose_verb_is_left_out_each_have_their_leader() {
    let lead = "July 7, 2017\n\nGENEVA (Reuters) - Talks on the dispute opened in Geneva on \
                Friday. ";
    let cases: [(&str, &[(&str, &str)]); 3] = [
        (
            "The Egyptian delegation was led by General Ali Hassan, chief of operations of \
             the Egyptian armed forces, and the Israeli delegation by General Dan Levi, a \
             former head of military intelligence.",
            &[("Egypt", "Ali Hassan"), ("Israel", "Dan Levi")],
        ),
        (
            "At the talks the Soviet Union was represented by Ivan Orlov, the United States \
             by Under Secretary of State John Miller, and Great Britain by Tom Hardy, the \
             Lord President of the Council.",
            &[
                ("Soviet Union", "Ivan Orlov"),
                ("United States", "John Miller"),
                ("United Kingdom", "Tom Hardy"),
            ],
        ),
        (
            "Turkey was represented by Foreign Minister Ali Kaya and Greece by Foreign \
             Minister Nikos Pappas, while Britain, the third guarantor power, was \
             represented by its Europe minister, Tom Hardy.",
            &[
                ("Turkey", "Ali Kaya"),
                ("Greece", "Nikos Pappas"),
                ("United Kingdom", "Tom Hardy"),
            ],
        ),
    ];
    for (text, want) in cases {
        let facts = facts_of(&format!("{lead}{text}\n"));
        for (country, name) in want {
            assert_eq!(
                leader_of(&facts, country),
                Some(person_key(name)),
                "{country} in {text}"
            );
        }
        // no one is in another side's delegation
        let members = members(&facts);
        assert_eq!(members.len(), want.len(), "{members:?}");
    }
}

#[test]
fn a_long_named_treaty_or_a_plan_that_was_signed_is_a_signing() {
    let day = NaiveDate::from_ymd_opt(1963, 8, 5);
    for text in [
        "A treaty banning nuclear weapon tests in the atmosphere, in outer space and under \
         water was signed in Lisbon today by the three foreign ministers.",
        "The five presidents signed a regional peace plan in Lisbon today.",
    ] {
        let text = format!("5 August 1963\n\n{text}\n");
        assert_eq!(
            meeting_keys(&text),
            vec![(day, Some("Lisbon".into()))],
            "{text}"
        );
        assert_eq!(agreements(&facts_of(&text)).len(), 1, "{text}");
    }
    let text = "5 August 1963\n\nThe two presidents held talks in Lisbon today. No document \
                on either plan was signed in Lisbon.\n";
    assert_eq!(agreements(&facts_of(text)), vec![]);
}

#[test]
fn a_signing_that_closed_a_conference_opened_days_before_is_one_event() {
    let lead = "September 8, 1951\n\nLISBON, Sept. 8 (Kyodo) -- Prime Minister Ken Sato \
                signed the peace treaty here Saturday morning. ";
    let keys = meeting_keys(&format!(
        "{lead}The signing took place at the Opera House and closed a conference that \
         opened on Tuesday with an address by the host.\n"
    ));
    let tuesday = NaiveDate::from_ymd_opt(1951, 9, 4);
    assert_eq!(keys, vec![(tuesday, Some("Lisbon".into()))]);
    // talks told in passing as having begun earlier are not what the
    // signing closed
    let keys = meeting_keys(&format!(
        "{lead}The final round of private talks began on Tuesday at a villa outside \
         Porto.\n"
    ));
    let saturday = NaiveDate::from_ymd_opt(1951, 9, 8);
    assert!(
        keys.contains(&(saturday, Some("Lisbon".into()))),
        "{keys:?}"
    );
    assert_eq!(keys.len(), 2, "{keys:?}");
}

#[test]
fn a_delegation_owned_by_a_leader_of_no_known_country_is_of_its_members() {
    let facts = facts_of(
        "February 21, 1999\n\nLahore, Feb 21 (PTI) Prime Minister Raj Kumar and his \
         Pakistani counterpart Ali Shah held talks here today. Kumar's delegation included \
         External Affairs Minister Dev Mehta and Foreign Secretary Anil Rao.\n",
    );
    assert_eq!(leader_of(&facts, "India"), Some(person_key("Raj Kumar")));
    assert!(members(&facts).contains(&("India".to_string(), person_key("Anil Rao"))));
}

#[test]
fn who_was_accompanied_by_lists_the_delegation_of_the_one_it_is_about() {
    let facts = facts_of(
        "2002/09/17 21:46\n\nSEOUL, Sept. 17 (Yonhap) -- Japanese Prime Minister Ken Sato \
         held talks with Kim Il-son in Pyongyang on Tuesday.\n\nSato, who was accompanied \
         by Deputy Chief Cabinet Secretary Jiro Abe and Taro Tanaka, a senior diplomat, \
         lodged a strong protest, officials said.\n",
    );
    assert_eq!(leader_of(&facts, "Japan"), Some(person_key("Ken Sato")));
    assert!(members(&facts).contains(&("Japan".to_string(), person_key("Taro Tanaka"))));
}

#[test]
fn leaders_who_agree_to_meet_again_agree_on_a_leaders_meeting() {
    let lead = "August 7, 1987\n\nThe five presidents held a summit in Lisbon on Friday. ";
    let kinds = |s: &str| -> Vec<AgreementKind> {
        agreements(&facts_of(&format!("{lead}{s}\n")))
            .into_iter()
            .map(|(k, _, _)| k)
            .collect()
    };
    assert_eq!(
        kinds("The presidents agreed to meet again within 150 days."),
        vec![AgreementKind::LeadersMeeting]
    );
    assert_eq!(
        kinds("The two leaders agreed that their trade negotiators would meet again soon."),
        vec![AgreementKind::FurtherTalks]
    );
}

#[test]
fn the_first_to_visit_is_no_office_and_a_plural_office_skips_holders_of_another() {
    let facts = facts_of(
        "February 21, 1999\n\nLahore, Feb 21 (PTI) Prime Minister Raj Kumar and Prime \
         Minister Ali Shah held talks here today, with Foreign Secretary Anil Rao and \
         Foreign Secretary Omar Khan. Kumar, the first Indian head of government to visit \
         in a decade, was cheered. In the presence of the two prime ministers, Rao and Khan \
         signed a memorandum.\n",
    );
    let titles = |name: &str| -> Vec<String> {
        roles(&facts)
            .into_iter()
            .filter(|(p, _, _)| *p == person_key(name))
            .map(|(_, t, _)| t)
            .collect()
    };
    assert_eq!(titles("Raj Kumar"), vec!["Prime Minister".to_string()]);
    assert_eq!(titles("Anil Rao"), vec!["Foreign Secretary".to_string()]);
}

#[test]
fn a_leader_who_led_his_governments_delegation_leads_his_countrys() {
    let facts = facts_of(
        "June 27, 2018\n\nKHARTOUM, June 27 (Xinhua) -- South Sudanese President Salva Deng \
         held talks in Khartoum on Wednesday. Deng led his government's delegation in \
         person.\n",
    );
    assert_eq!(
        leader_of(&facts, "South Sudan"),
        Some(person_key("Salva Deng"))
    );
}

//! Chairs: the person who chaired, opened, hosted or mediated a meeting.

use super::*;

impl Extractor<'_> {
    /// Chairs: "chaired by NAME", "opened by NAME", "hosted by NAME".
    pub(super) fn chairs(&mut self, ctx: &Ctx) {
        // "Turkish Foreign Minister Hakan Fidan opened the meeting"
        for k in 0..ctx.tokens.len() {
            if !ctx.is(k, Cue::ChairVerb) {
                continue;
            }
            // "Busaidi mediated, moving between the two rooms": no object
            let intransitive = matches!(ctx.word(k), "mediated" | "presided" | "moderated")
                && matches!(ctx.word(k + 1), "," | "." | ";" | "between");
            // "Biden hosted Xi": the host of a meeting with a guest
            let guest = ctx.word(k) == "hosted"
                && ctx.person_after(k + 1).is_some()
                && !ctx.meetings.is_empty();
            let object = intransitive
                || ctx.any(k + 1..(k + 5).min(ctx.tokens.len()), Cue::SessionNoun)
                || guest;
            // "Wang Yi, who had brokered the meeting"
            let Some(n) = ctx
                .m
                .names
                .iter()
                .rposition(|n| n.end == k || (n.end + 1 == k && ctx.word(n.end) == "also"))
                .or_else(|| {
                    // "NAME, who presided over", "NAME, who is also foreign
                    // minister and who mediated"
                    let who = (k.saturating_sub(3)..k).find(|&w| ctx.word(w) == "who")?;
                    let n = ctx.person_before(who)?;
                    let end = ctx.m.names[n].end;
                    (end + 1 == who || (end..who).any(|t| ctx.word(t) == "who")).then_some(n)
                })
                .or_else(|| {
                    // "Acheson, whom the delegates elected president of the
                    // conference, presided": past a relative clause
                    let who = (k.saturating_sub(16)..k)
                        .rev()
                        .find(|&w| matches!(ctx.word(w), "who" | "whom"))?;
                    let clause =
                        ctx.word(k - 1) == "," && !(who + 1..k - 1).any(|t| ctx.word(t) == ",");
                    ctx.name_before_who(who).filter(|_| clause)
                })
                // "Siilasvuo of Finland, the acting commander of the force,
                // presided": past an apposition
                .or_else(|| ctx.subject_before(k))
                // "Moeller and Greenland's premier, Hans Enoksen, are
                // hosting the meeting"
                .or_else(|| {
                    let aux = k > 0 && matches!(ctx.word(k - 1), "is" | "are" | "was" | "were");
                    ctx.subject_before(k - 1).filter(|_| aux)
                })
                .or_else(|| {
                    // "Anwar announced after chairing a special meeting": the
                    // subject of the clause the gerund hangs on
                    let gerund = k > 1
                        && ctx.word(k).ends_with("ing")
                        && matches!(ctx.word(k - 1), "after" | "while" | "before" | "when");
                    let n = ctx.person_before(k - 1).filter(|_| gerund)?;
                    (k - 1 - ctx.m.names[n].end <= 1).then_some(n)
                })
            else {
                continue;
            };
            if !object {
                continue;
            }
            let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            // (the guest's visit is the meeting the host verb named)
            let visit = (ctx.meetings.iter())
                .find(|(_, cue)| guest && *cue == k)
                .map(|(i, _)| *i);
            if let Some(mt) = visit.or_else(|| self.meeting_here(ctx)) {
                self.emit(ctx, "chaired", Pending::Chair(mt, p));
            }
        }
        // "with Oman's foreign minister, Badr al-Busaidi, carrying messages
        // between them": the mediator of indirect talks
        for phrase in self.lex.cue(Cue::MediatorPhrase) {
            let Some(k) = ctx.find(phrase, 0) else {
                continue;
            };
            let Some(Some(p)) = ctx
                .person_before(k)
                .map(|n| ctx.persons.get(n).cloned().flatten())
            else {
                continue;
            };
            if let Some(mt) = self.meeting_here(ctx) {
                self.emit(ctx, "mediated", Pending::Chair(mt, p));
            }
        }
        for verb in self.lex.cue(Cue::ChairedBy) {
            let verb = verb.as_str();
            // "were opened on Monday by Blinken": a few words may come between
            let first = verb.split(' ').next().unwrap_or(verb);
            let Some(k) = ctx.find(verb, 0).or_else(|| {
                let v = ctx.find(first, 0)?;
                let by = (v + 1..(v + 6).min(ctx.tokens.len())).find(|&t| ctx.word(t) == "by")?;
                Some(by + 1 - verb.split(' ').count())
            }) else {
                continue;
            };
            let Some(n) = ctx.person_after(k + verb.split(' ').count()) else {
                continue;
            };
            let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            if let Some(mt) = self.meeting_here(ctx) {
                self.emit(ctx, "chaired-by", Pending::Chair(mt, p));
            }
        }
    }
}

//! BIP's published findings (see the domain brief, §1), each with the figures its chart draws.
//! Figures are averages over many people, never a prediction for one person.

/// One screen of the workshop per finding, in the order a trainer presents them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    Belief,
    UnconditionalYes,
    Continuity,
    Breaks,
    Parallel,
    Spread,
    /// The model "high expectations at every level", drawn as a picture.
    Expectations,
    /// The model "what shapes the counsellor's belief", drawn as a picture.
    BeliefShapers,
}

/// Each change of counsellor lowered the chance of a job by about 22% (BIP).
pub const CHANGE_EFFECT: f64 = 0.22;

impl Finding {
    pub const ALL: [Finding; 8] = [
        Finding::Belief,
        Finding::UnconditionalYes,
        Finding::Continuity,
        Finding::Breaks,
        Finding::Parallel,
        Finding::Spread,
        Finding::Expectations,
        Finding::BeliefShapers,
    ];

    /// The section's anchor on /training; the plan's advice links to some of them.
    pub fn id(self) -> &'static str {
        match self {
            Finding::Belief => "belief",
            Finding::UnconditionalYes => "unconditional-yes",
            Finding::Continuity => "continuity",
            Finding::Breaks => "no-breaks",
            Finding::Parallel => "parallel",
            Finding::Spread => "spread",
            Finding::Expectations => "expectations",
            Finding::BeliefShapers => "belief-shapers",
        }
    }

    /// The bars of the finding's chart, in percent, in the order of its category labels;
    /// the two models are pictures and have none.
    pub fn bars(self) -> Option<Vec<f64>> {
        match self {
            Finding::Belief => Some(vec![27.0, 1.0]),
            Finding::UnconditionalYes => Some(vec![6.0, 94.0]),
            Finding::Continuity => Some((0..=3).map(relative_chance).collect()),
            Finding::Breaks => Some(vec![23.0, 77.0]),
            Finding::Parallel => Some(vec![18.0, 82.0]),
            Finding::Spread => Some(vec![23.0, 7.0]),
            Finding::Expectations | Finding::BeliefShapers => None,
        }
    }
}

/// The chance of a job after `changes` changes of counsellor, in percent of the chance with
/// none, if each change lowers it by CHANGE_EFFECT (our illustration of BIP's average).
pub fn relative_chance(changes: u32) -> f64 {
    let remaining = (1.0 - CHANGE_EFFECT).powi(changes as i32);
    (remaining * 100.0).round()
}

/// The levels of "high expectations at every level", from the top down.
pub const EXPECTATION_LEVELS: [&str; 4] = ["politics", "management", "staff", "participants"];

/// What shapes the counsellor's belief in a person (the seed material's model).
pub const BELIEF_SHAPERS: [&str; 9] = [
    "language",
    "labour_market",
    "local_mix",
    "cooperation",
    "sparring",
    "relationship",
    "experience",
    "readiness",
    "preconceptions",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_change_of_counsellor_costs_about_a_fifth_of_the_chance() {
        let chances: Vec<f64> = (0..=3).map(relative_chance).collect();
        assert_eq!(chances, [100.0, 78.0, 61.0, 47.0]);
    }

    #[test]
    fn the_published_figures_are_drawn() {
        assert_eq!(Finding::Belief.bars(), Some(vec![27.0, 1.0]));
        assert_eq!(Finding::Spread.bars(), Some(vec![23.0, 7.0]));
        assert_eq!(Finding::Breaks.bars().unwrap()[0], 23.0);
        assert_eq!(Finding::Parallel.bars().unwrap()[0], 18.0);
        assert_eq!(Finding::UnconditionalYes.bars().unwrap()[0], 6.0);
        for finding in Finding::ALL {
            if let Some(bars) = finding.bars() {
                assert!(
                    bars.iter().all(|b| (0.0..=100.0).contains(b)),
                    "{finding:?}"
                );
            }
        }
    }

    #[test]
    fn anchors_are_unique() {
        let mut ids: Vec<&str> = Finding::ALL.iter().map(|f| f.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Finding::ALL.len());
    }
}

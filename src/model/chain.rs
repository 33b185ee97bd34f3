//! Reporting chains: how many people each person's chain of managers holds, which chains run
//! into a cycle, and the cycles themselves.
//!
//! People are numbered `0..n` by the caller; each has at most one manager (another number).
//! Everything is computed in one iterative pass, in time linear in the number of people, so a
//! chain 100,000 people deep costs no more than 100,000 people side by side and never deepens
//! the stack. `validate::roster` (too-deep chains, cycles), `rollup::headcount` (the deepest
//! chain, everyone below a manager) and the roster page share it.

/// The reporting chains over people `0..n`, from [`chains`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chains {
    /// The people on each person's walk up to the top, the person included. A walk that runs
    /// into a cycle counts up to and including the whole cycle once.
    pub depth: Vec<usize>,
    /// The cycle each person's walk runs into (members and those below them), as an index
    /// into `cycles`.
    pub reaches_cycle: Vec<Option<usize>>,
    /// Each cycle's members in reporting order (each reports to the next), starting at its
    /// lowest number; the cycles in order of that number.
    pub cycles: Vec<Vec<usize>>,
}

impl Chains {
    /// Whether person `i` is a member of a cycle (not only below one).
    pub fn on_cycle(&self, i: usize) -> bool {
        self.reaches_cycle[i].is_some_and(|c| self.depth[i] == self.cycles[c].len())
    }

    /// Everyone below each person (direct and indirect reports, the person never counted),
    /// given the same managers the chains were computed from. Members of a cycle are all
    /// below each other.
    pub fn below(&self, managers: &[Option<usize>]) -> Vec<usize> {
        let n = managers.len();
        let mut below = vec![0usize; n];
        // Deepest first, so everyone's count is complete before it is added to their manager.
        let mut order: Vec<usize> = (0..n).filter(|&i| !self.on_cycle(i)).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.depth[i]));
        let mut into_cycle = vec![0usize; self.cycles.len()];
        for i in order {
            let Some(m) = manager(managers, i) else { continue };
            if self.on_cycle(m) {
                let c = self.reaches_cycle[m].expect("a cycle member reaches its cycle");
                into_cycle[c] += below[i] + 1;
            } else {
                below[m] += below[i] + 1;
            }
        }
        for (c, members) in self.cycles.iter().enumerate() {
            for &m in members {
                below[m] = into_cycle[c] + members.len() - 1;
            }
        }
        below
    }
}

/// Person `i`'s manager, unless out of range or `i` themselves.
fn manager(managers: &[Option<usize>], i: usize) -> Option<usize> {
    managers[i].filter(|&m| m < managers.len() && m != i)
}

/// The reporting chains of people `0..n`, where `managers[i]` is person `i`'s manager. A
/// manager out of range, or a person managing themselves, ends the chain there.
pub fn chains(managers: &[Option<usize>]) -> Chains {
    const UNSEEN: usize = usize::MAX;
    let n = managers.len();
    let mut depth = vec![0usize; n];
    let mut reaches_cycle: Vec<Option<usize>> = vec![None; n];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    // Where a person sits on the walk in progress, so a repeat is found in constant time.
    let mut on_walk = vec![UNSEEN; n];
    let mut walk: Vec<usize> = Vec::new();
    for start in 0..n {
        if depth[start] != 0 {
            continue;
        }
        walk.clear();
        let mut at = Some(start);
        // Walk up until the top, someone already done, or someone already on this walk.
        let (mut above, mut cycle) = (0, None);
        while let Some(i) = at {
            if depth[i] != 0 {
                (above, cycle) = (depth[i], reaches_cycle[i]);
                break;
            }
            if on_walk[i] != UNSEEN {
                let members = walk.split_off(on_walk[i]);
                let c = cycles.len();
                for &m in &members {
                    (depth[m], reaches_cycle[m]) = (members.len(), Some(c));
                    on_walk[m] = UNSEEN;
                }
                (above, cycle) = (members.len(), Some(c));
                cycles.push(members);
                break;
            }
            on_walk[i] = walk.len();
            walk.push(i);
            at = manager(managers, i);
        }
        for &i in walk.iter().rev() {
            above += 1;
            (depth[i], reaches_cycle[i]) = (above, cycle);
        }
        // Only this walk: a cycle's members were cleared when it was found, so people who
        // report into a cycle cost nothing more for its size.
        for &i in &walk {
            on_walk[i] = UNSEEN;
        }
    }
    for members in &mut cycles {
        let lowest = members.iter().enumerate().min_by_key(|&(_, m)| *m).map_or(0, |(k, _)| k);
        members.rotate_left(lowest);
    }
    let mut order: Vec<usize> = (0..cycles.len()).collect();
    order.sort_by_key(|&c| cycles[c][0]);
    let mut renumber = vec![0; cycles.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    for c in reaches_cycle.iter_mut().flatten() {
        *c = renumber[*c];
    }
    let cycles = order.iter().map(|&c| std::mem::take(&mut cycles[c])).collect();
    Chains { depth, reaches_cycle, cycles }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_counts_everyone_up_to_the_top() {
        // 0 ← 1 ← 2, and 3 on their own; 4 reports to themselves; 5 to someone unknown.
        let managers = [None, Some(0), Some(1), None, Some(4), Some(99)];
        let c = chains(&managers);
        assert_eq!(c.depth, [1, 2, 3, 1, 1, 1]);
        assert!(c.cycles.is_empty());
        assert_eq!(c.below(&managers), [2, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn cycles_are_found_once_starting_at_their_lowest_member() {
        // 3 → 1 → 2 → 3 is a cycle; 0 reports into it, 4 reports to 0.
        let managers = [Some(2), Some(2), Some(3), Some(1), Some(0)];
        let c = chains(&managers);
        assert_eq!(c.cycles, [vec![1, 2, 3]]);
        assert_eq!(c.depth, [4, 3, 3, 3, 5]);
        assert_eq!(c.reaches_cycle, [Some(0); 5]);
        assert!(!c.on_cycle(0) && c.on_cycle(1) && !c.on_cycle(4));
        assert_eq!(c.below(&managers), [1, 4, 4, 4, 0]);
    }

    #[test]
    fn a_chain_100000_deep_is_walked_without_recursion() {
        let n: usize = 100_000;
        let managers: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        let c = chains(&managers);
        assert_eq!(c.depth[n - 1], n);
        assert_eq!(c.below(&managers)[0], n - 1);
        let mut ring = managers.clone();
        ring[0] = Some(n - 1);
        let c = chains(&ring);
        assert_eq!(c.cycles.len(), 1);
        assert_eq!(c.cycles[0].len(), n);
    }
}

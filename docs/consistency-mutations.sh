#!/bin/bash
# break one rule at a time in a scratch worktree; report which invariant check caught it
# run in a scratch clone or worktree: it edits Gov.java and restores it
cd "$(git rev-parse --show-toplevel)"
G=command-side/src/main/java/io/govlife/command/gov/Gov.java
run() {
  name="$1"; shift
  git checkout -q -- $G
  python3 -c "
import sys
p='$G'; s=open(p).read(); old=sys.argv[1]; new=sys.argv[2]
assert old in s, 'pattern missing for $name'
open(p,'w').write(s.replace(old,new,1))" "$@" || { echo "$name: PATTERN MISSING"; return; }
  mvn -B -q -o -pl command-side -am test -Dtest=GovInvariantsTest -Djqwik.tries.default=3000 -Dsurefire.failIfNoSpecifiedTests=false > /tmp/mut-$name.log 2>&1
  rc=$?
  caught=$(grep -m1 -A2 "Original Error" command-side/target/surefire-reports/*GovInvariantsTest-output.txt 2>/dev/null | tail -1 | sed 's/^ *//')
  echo "$name: rc=$rc caught: $caught"
}
run rule1-spans-unchecked '        requireValidSpans(upgrade);
        if (upgrade.equals' '        if (upgrade.equals'
run rule2-staleness-ignores-changes '&& madeAt.getOrDefault(spanned.value(), Long.MIN_VALUE) > recorded' '&& false'
run rule3-cutover-publishes-draft 'apply(new GovConfigPublished(name, revision + 1, plan.config().fingerprint(), previous, plan.config(),' 'apply(new GovConfigPublished(name, revision + 1, newDraft.fingerprint(), previous, newDraft,'
run rule4-no-revision-on-upgrade '            apply(new ConfluenceUpgradeHeld(name, upgrade, spanned.get(0).citizen()));
        }
        reviseCutoverExpectations();' '            apply(new ConfluenceUpgradeHeld(name, upgrade, spanned.get(0).citizen()));
        }'
run rule5-bump-of-changed-citizen 'if (!draft.reference(citizen).equals(published.reference(citizen))) {' 'if (false) {'
run rule6-cutover-does-not-make-citizen 'madeAt.put(event.citizen().value(), bump == null ? seq : bump.scheduledAt());' ''
run rule7-retirement-forgets-bumps 'pendingBumps.values().stream().map(PendingBump::citizen).toList()));' 'List.of()));'
git checkout -q -- $G
echo done

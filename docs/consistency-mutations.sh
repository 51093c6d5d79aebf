#!/bin/bash
# break one rule at a time in a scratch worktree; report which invariant check caught it
# run in a scratch clone or worktree: it edits the Gov's entity holding the rule and restores it
cd "$(git rev-parse --show-toplevel)"
D=command-side/src/main/java/io/govlife/command/gov
run() {
  name="$1"; G="$D/$2"; shift 2
  git checkout -q -- $D
  python3 -c "
import sys
p='$G'; s=open(p).read(); old=sys.argv[1]; new=sys.argv[2]
assert old in s, 'pattern missing for $name'
open(p,'w').write(s.replace(old,new,1))" "$@" || { echo "$name: PATTERN MISSING"; return; }
  mvn -B -q -o -pl command-side -am test -Dtest=GovInvariantsTest -Djqwik.tries.default=3000 -Dsurefire.failIfNoSpecifiedTests=false > /tmp/mut-$name.log 2>&1
  rc=$?
  caught=$(grep -m1 -o "\[event [^]]*\]" /tmp/mut-$name.log)
  echo "$name: rc=$rc caught: $caught"
}
run rule1-spans-unchecked HeldUpgrades.java '        gov.draft.requireValidSpans(upgrade, gov.name);
        if (upgrade.equals' '        if (upgrade.equals'
run rule2-staleness-ignores-changes Provenance.java '&& madeAt.getOrDefault(spanned.value(), Long.MIN_VALUE) > recorded' '&& false'
run rule3-cutover-publishes-draft Bumps.java 'apply(new GovConfigPublished(gov.name, gov.revision + 1, plan.config().fingerprint(),
                previous == null ? null : previous.fingerprint(), plan.config(),' 'apply(new GovConfigPublished(gov.name, gov.revision + 1, newDraft.fingerprint(),
                previous == null ? null : previous.fingerprint(), newDraft,'
run rule4-no-revision-on-upgrade HeldUpgrades.java '            apply(new ConfluenceUpgradeHeld(gov.name, upgrade, spanned.get(0).citizen()));
        }
        gov.bumps.afterRecording(gov);' '            apply(new ConfluenceUpgradeHeld(gov.name, upgrade, spanned.get(0).citizen()));
        }'
run rule5-bump-of-changed-citizen Bumps.java 'if (!draft.reference(citizen).equals(published.reference(citizen))) {' 'if (false) {'
run rule6-cutover-does-not-make-citizen Provenance.java 'madeAt.put(event.citizen().value(), scheduledAt);' ''
run rule7-retirement-forgets-bumps Gov.java 'bumps.pendingCitizens()));' 'java.util.List.of()));'
git checkout -q -- $D
echo done

#!/usr/bin/env bash
# Runs every fuzz target of the module for a short while (FUZZTIME, default
# 8s each), on top of its committed seed corpus. A failing input is written
# under the package's testdata/fuzz, as go test -fuzz does; commit it as a
# regression seed once fixed.
set -euo pipefail
fuzztime=${FUZZTIME:-8s}
go=${GO:-go}
status=0

# deadline_race reports whether a failed fuzz run failed only because Go's
# fuzz coordinator (go1.26, fixed in go1.27) reports its own -fuzztime
# deadline as "context deadline exceeded": no failing input written, no
# panic, no other failure message.
deadline_race() {
	grep -q '^    context deadline exceeded$' "$1" &&
		! grep -q -e 'Failing input written' -e 'panic:' -e '_test.go:[0-9]' "$1"
}
for pkg in $($go list ./...); do
	for target in $($go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		log=$(mktemp)
		if $go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
			execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
			if [ -n "$execs" ]; then
				echo "ok   $pkg $target ($execs executions)"
			else
				# A large local fuzz cache (from long runs) can take the whole
				# time to replay; the replay still ran every cached input.
				echo "ok   $pkg $target (corpus replayed, $fuzztime too short to mutate)"
			fi
		elif deadline_race "$log" && $go test -run "^${target}\$" "$pkg" >"$log.replay" 2>&1; then
			echo "ok   $pkg $target (stopped by the fuzztime race of golang/go#75804; corpus replay passed)"
			rm -f "$log.replay"
		else
			echo "FAIL $pkg $target"
			cat "$log"
			[ -f "$log.replay" ] && cat "$log.replay" && rm -f "$log.replay"
			status=1
		fi
		rm -f "$log"
	done
done
exit $status

# The two commands a newcomer needs are `make run` and `make test`; both do every set-up step themselves.
.PHONY: setup run test bench

setup:
	scripts/setup.sh

run: setup
	scripts/run.sh

test:
	scripts/test.sh

bench: setup
	scripts/bench.sh

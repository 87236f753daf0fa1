package corpus

// EventsWithFlags returns the events of opts with, for each one, whether it
// was made invalid and whether it carries an unknown member.
func EventsWithFlags(opts Options) (events [][]byte, broken, unknown []bool) {
	c := generate(opts)
	return c.events, c.broken, c.unknown
}

module github.com/pinpoint-events/pinpoint-events

go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/text v0.14.0
	golang.org/x/tools v0.52.0
)

package reader

import (
	"fmt"
	"slices"
	"strings"

	"cleanread/internal/rules"
)

// RuleNames lists the names of the teaser and ad rules, for WithDisabledRules.
func RuleNames() []string {
	all := rules.All()
	names := make([]string, len(all))
	for i, r := range all {
		names[i] = r.Name
	}
	return names
}

// ParseRuleList reads a comma-separated list of rule names, as the command
// lines take them, and names the first one that is not a rule, so a typo
// cannot silently leave a rule on.
func ParseRuleList(s string) ([]string, error) {
	known := RuleNames()
	var names []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("unknown rule %q: the rules are %s", n, strings.Join(known, ", "))
		}
		names = append(names, n)
	}
	return names, nil
}

package reader

import "cleanread/internal/rules"

// RuleNames lists the names of the teaser and ad rules, for WithoutRules.
func RuleNames() []string {
	all := rules.All()
	names := make([]string, len(all))
	for i, r := range all {
		names[i] = r.Name
	}
	return names
}

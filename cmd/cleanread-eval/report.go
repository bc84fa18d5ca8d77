package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"cleanread/reader"
)

// printTable writes one aligned row per corpus and extractor.
func printTable(w io.Writer, sums []summary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "corpus\textractor\tpages\terrors\tP\tR\tF\tms/page\tmedian ms")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.1f\t%.1f\n",
			s.Corpus, s.Extractor, s.Pages, s.Errors, s.P, s.R, s.F, s.MeanMS, s.MedianMS)
	}
	tw.Flush()
	for _, s := range sums {
		if s.Errors > 0 {
			fmt.Fprintf(w, "errors %s %s: %s\n", s.Corpus, s.Extractor, formatCounts(s.Codes))
		}
	}
	fmt.Fprintln(w, "A: word-multiset P/R/F, means over pages (errors count R=F=0; P over pages with text).")
	fmt.Fprintln(w, "B: with/without snippets summed over pages, scored as go-trafilatura's evaluateEntry.")
}

// formatCounts renders {"a":2,"b":1} as "a=2, b=1", largest first.
func formatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strconv.Itoa(m[k])
	}
	return strings.Join(parts, ", ")
}

// printWorst lists the pages worth a look when tuning rules: corpus A's
// lowest recall, corpus B's most leaked and most lost snippets.
func printWorst(w io.Writer, all []pageResult) {
	base := map[string]pageResult{}
	for _, r := range all {
		if r.Extractor != "cleanread" {
			base[r.Corpus+"\x00"+r.Page] = r
		}
	}
	var a, b []pageResult
	for _, r := range all {
		switch {
		case r.Extractor != "cleanread":
		case r.Corpus == "A":
			a = append(a, r)
		default:
			b = append(b, r)
		}
	}
	if len(a) > 0 {
		worstA(w, a, base)
	}
	if len(b) > 0 {
		worstB(w, b, base)
	}
}

func worstA(w io.Writer, rs []pageResult, base map[string]pageResult) {
	sort.SliceStable(rs, func(i, j int) bool {
		if ri, rj := rs[i].recall(), rs[j].recall(); ri != rj {
			return ri < rj
		}
		return rs[i].Page < rs[j].Page
	})
	fmt.Fprintf(w, "\ncorpus A: %d lowest recall (cleanread)\n", min(10, len(rs)))
	for i, r := range rs[:min(10, len(rs))] {
		fmt.Fprintf(w, "%2d. %-40s R %.3f  P %s  words %d/%d%s%s\n", i+1, r.Page, r.recall(), fmtP(r.counts),
			r.TP+r.FP, r.TP+r.FN, fmtCode(r.Code), fmtBase(base[r.Corpus+"\x00"+r.Page], false))
		printRemoved(w, r.Removed)
		if r.LostSample != "" {
			fmt.Fprintf(w, "      first lost block: %q\n", r.LostSample)
		}
		if r.LeakSample != "" {
			fmt.Fprintf(w, "      first extra block: %q\n", r.LeakSample)
		}
	}
}

// mostFirst returns a copy of rs sorted by count, largest first, then by page.
func mostFirst(rs []pageResult, count func(pageResult) int) []pageResult {
	out := append([]pageResult(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := count(out[i]), count(out[j]); a != b {
			return a > b
		}
		return out[i].Page < out[j].Page
	})
	return out
}

func worstB(w io.Writer, rs []pageResult, base map[string]pageResult) {
	byFP := mostFirst(rs, func(r pageResult) int { return r.FP })
	fmt.Fprintln(w, "\ncorpus B: pages leaking the most \"without\" snippets (cleanread)")
	for i, r := range byFP[:min(15, len(byFP))] {
		if r.FP == 0 {
			break
		}
		fmt.Fprintf(w, "%2d. %s  FP %d/%d%s  %s\n", i+1, r.Page, r.FP, r.FP+r.TN,
			fmtBase(base[r.Corpus+"\x00"+r.Page], true), r.URL)
		for _, s := range r.Leaked {
			fmt.Fprintf(w, "      leaked: %q\n", s)
		}
	}

	byFN := mostFirst(rs, func(r pageResult) int { return r.FN })
	fmt.Fprintln(w, "\ncorpus B: pages losing the most \"with\" snippets (cleanread)")
	for i, r := range byFN[:min(15, len(byFN))] {
		if r.FN == 0 {
			break
		}
		fmt.Fprintf(w, "%2d. %s  FN %d/%d%s%s  %s\n", i+1, r.Page, r.FN, r.FN+r.TP, fmtCode(r.Code),
			fmtBase(base[r.Corpus+"\x00"+r.Page], true), r.URL)
		for _, s := range r.Lost {
			note := ""
			if rule := removedBy(r.Removed, s); rule != "" {
				note = "  [in a block removed by " + rule + "]"
			}
			fmt.Fprintf(w, "      lost: %q%s\n", clip(s, 100), note)
		}
	}

	lostBy, blocks, pages := map[string]int{}, map[string]int{}, map[string]int{}
	var culprits []string
	for _, r := range rs {
		for _, s := range r.Lost {
			if rule := removedBy(r.Removed, s); rule != "" {
				lostBy[rule]++
				culprits = append(culprits, fmt.Sprintf("%s  %s: %q", rule, r.Page, clip(s, 80)))
			}
		}
		seen := map[string]bool{}
		for _, rm := range r.Removed {
			blocks[rm.Rule]++
			if !seen[rm.Rule] {
				seen[rm.Rule] = true
				pages[rm.Rule]++
			}
		}
	}
	fmt.Fprintln(w, "\ncorpus B: rule activity (cleanread)")
	if len(lostBy) > 0 {
		fmt.Fprintf(w, "  \"with\" snippets found in removed blocks: %s\n", formatCounts(lostBy))
		sort.Strings(culprits)
		for _, c := range culprits {
			fmt.Fprintln(w, "    "+c)
		}
	}
	if len(blocks) > 0 {
		fmt.Fprintf(w, "  blocks removed: %s\n", formatCounts(blocks))
		fmt.Fprintf(w, "  pages touched:  %s\n", formatCounts(pages))
	} else {
		fmt.Fprintln(w, "  no blocks removed")
	}
}

// removedBy names the rule whose removed block's recorded text holds
// snippet, or "". Only the start of each block is recorded, so a snippet far
// into a long block is not found.
func removedBy(removed []reader.Removal, snippet string) string {
	s := strings.Join(strings.Fields(snippet), " ")
	for _, rm := range removed {
		t := strings.TrimSuffix(strings.Join(strings.Fields(rm.Text), " "), "…")
		if s != "" && strings.Contains(t, s) {
			return rm.Rule
		}
	}
	return ""
}

func printRemoved(w io.Writer, removed []reader.Removal) {
	if len(removed) == 0 {
		return
	}
	by := map[string]int{}
	for _, rm := range removed {
		by[rm.Rule]++
	}
	fmt.Fprintf(w, "      removed: %s\n", formatCounts(by))
	// The blocks with the most recorded text say most about what went.
	big := append([]reader.Removal(nil), removed...)
	sort.SliceStable(big, func(i, j int) bool { return len(big[i].Text) > len(big[j].Text) })
	for _, rm := range big[:min(3, len(big))] {
		if strings.TrimSpace(rm.Text) == "" {
			break
		}
		fmt.Fprintf(w, "        %s <%s> %q\n", rm.Rule, rm.Tag, clip(rm.Text, 80))
	}
}

func fmtP(c counts) string {
	if p, ok := c.precision(); ok {
		return fmt.Sprintf("%.3f", p)
	}
	return "  -  "
}

func fmtCode(code string) string {
	if code == "" {
		return ""
	}
	return "  error " + code
}

// fmtBase shows the baseline's score on the same page, when it ran.
func fmtBase(r pageResult, snippets bool) string {
	switch {
	case r.Extractor == "":
		return ""
	case r.Code != "":
		return "  [" + r.Extractor + ": error " + r.Code + "]"
	case snippets:
		return fmt.Sprintf("  [%s: FP %d FN %d]", r.Extractor, r.FP, r.FN)
	}
	return fmt.Sprintf("  [%s: R %.3f P %s]", r.Extractor, r.recall(), fmtP(r.counts))
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// writeTSV writes one row per page and extractor.
func writeTSV(path string, rs []pageResult) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing TSV: %w", err)
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintln(bw, "corpus\textractor\tpage\tprecision\trecall\tf\ttp\tfp\tfn\tms\terror\turl")
	for _, r := range rs {
		p := ""
		if v, ok := r.precision(); ok {
			p = strconv.FormatFloat(v, 'f', 4, 64)
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%d\t%d\t%.2f\t%s\t%s\n",
			r.Corpus, r.Extractor, r.Page, p, r.recall(), r.fscore(), r.TP, r.FP, r.FN,
			float64(r.Dur.Microseconds())/1000, r.Code, r.URL)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing TSV: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing TSV: %w", err)
	}
	return nil
}

#!/bin/sh
# How well a company map covers the authors of an archive's patch mails (issue 11).
# Usage: scripts/company-coverage.sh ARCHIVE [MAP] [LORE_DIGEST]
#   ARCHIVE      a public-inbox archive (or mbox/Maildir) lore-digest can read
#   MAP          gitdm-style map; default Sources/PatchModel/Resources/companies.map
#   LORE_DIGEST  the binary; default .build/release/lore-digest
# Prints the share of patch mails (kinds patch and cover) whose author domain no map line
# names, the top 10 companies and the top 60 author domains with what they map to.
# Domain lines only, most specific domain wins, as CompanyMap does (address lines are skipped).
set -eu
archive=$1
map=${2:-"$(dirname "$0")/../Sources/PatchModel/Resources/companies.map"}
tool=${3:-"$(dirname "$0")/../.build/release/lore-digest"}

"$tool" messages "$archive" \
    | jq -r 'select(.kind == "patch" or .kind == "cover") | .author.email // "" | ascii_downcase' \
    | awk -v mapfile="$map" '
        BEGIN {
            while ((getline line < mapfile) > 0) {
                sub(/#.*/, "", line)
                gsub(/^[ \t]+|[ \t]+$/, "", line)
                if (line !~ /[ \t]/) continue   # blank, or a key without organisation
                key = line; sub(/[ \t].*/, "", key)
                org = line; sub(/^[^ \t]+[ \t]+/, "", org); sub(/[ \t]*<.*/, "", org)
                if (key !~ /@/) company[tolower(key)] = org
            }
        }
        {
            domain = $0; sub(/.*@/, "", domain)
            name = ""
            for (d = domain; d != ""; ) {
                if (d in company) { name = company[d]; break }
                if (index(d, ".") == 0) break
                d = substr(d, index(d, ".") + 1)
            }
            total++
            domains[domain]++
            if (name == "") { unmapped++; name = domain " (unmapped)" }
            companies[name]++
            mapped_to[domain] = name
        }
        END {
            printf "patch mails: %d, unmapped: %d (%.2f%%)\n", total, unmapped, total ? 100 * unmapped / total : 0
            print "top companies:"
            for (c in companies) print companies[c] "\t" c | "sort -t\"\t\" -k1,1nr -k2,2 | head -10"
            close("sort -t\"\t\" -k1,1nr -k2,2 | head -10")
            print "top author domains:"
            for (d in domains) print domains[d] "\t" d "\t" mapped_to[d] | "sort -t\"\t\" -k1,1nr -k2,2 | head -60"
        }'

# Turn a TSV file into a C string constant: awk -v name=NAME -f embed.awk FILE
BEGIN { printf "/* Generated from a file in data/ by data/embed.awk. Do not edit. */\nconst char %s[] =\n", name }
{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "\t\"%s\\n\"\n", $0 }
END { print "\t\"\";" }

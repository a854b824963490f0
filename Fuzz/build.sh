#!/usr/bin/env bash
# Fuzz/build.sh MODE: builds MailParser and PatchModel straight with swiftc (no Package.swift
# change needed), as static libraries in the package `lore_digest` so `package` access works,
# then links one of the two drivers:
#   fuzz        .build-fuzz/fuzz/mail-fuzzer   libFuzzer + AddressSanitizer, -O -g
#   linearity   .build-fuzz/linearity/mail-linearity   plain -O, no sanitizer (timing driver)
# Prints the path of the binary on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-fuzz}
swiftc=${SWIFTC:-swiftc}

flags=(-swift-version 6 -package-name lore_digest -parse-as-library -O -g
	-enable-upcoming-feature ExistentialAny
	-enable-upcoming-feature MemberImportVisibility
	-enable-upcoming-feature InternalImportsByDefault)
case $mode in
fuzz) flags+=(-sanitize=fuzzer,address) ;;
linearity) ;;
*) echo "build.sh: unknown mode '$mode' (fuzz | linearity)" >&2; exit 2 ;;
esac

out=$here/.build-fuzz/$mode
mkdir -p "$out"
cd "$out"

# Every source of the two targets, subfolders included (Encoding/, Identity/, Threading/).
mapfile -t mail_parser_sources < <(find "$here/Sources/MailParser" -name '*.swift' | sort)
mapfile -t patch_model_sources < <(find "$here/Sources/PatchModel" -name '*.swift' | sort)

echo "build.sh[$mode]: MailParser" >&2
"$swiftc" "${flags[@]}" -emit-module -emit-library -static -module-name MailParser \
	-emit-module-path "$out/MailParser.swiftmodule" -o "$out/libMailParser.a" \
	"${mail_parser_sources[@]}"
echo "build.sh[$mode]: PatchModel" >&2
"$swiftc" "${flags[@]}" -emit-module -emit-library -static -module-name PatchModel -I "$out" \
	-emit-module-path "$out/PatchModel.swiftmodule" -o "$out/libPatchModel.a" \
	"${patch_model_sources[@]}"

echo "build.sh[$mode]: driver" >&2
case $mode in
fuzz)
	"$swiftc" "${flags[@]}" -module-name MailFuzzer -I "$out" -L "$out" -lPatchModel -lMailParser -lswiftGlibc -use-ld=lld \
		-o "$out/mail-fuzzer" "$here"/Fuzz/MailFuzzer/*.swift
	echo "$out/mail-fuzzer"
	;;
linearity)
	# main.swift is top-level code: no -parse-as-library for the driver module.
	driver_flags=()
	for f in "${flags[@]}"; do [ "$f" = -parse-as-library ] || driver_flags+=("$f"); done
	"$swiftc" "${driver_flags[@]}" -module-name MailLinearity -I "$out" -L "$out" -lPatchModel -lMailParser -lswiftGlibc -use-ld=lld \
		-o "$out/mail-linearity" "$here"/Fuzz/MailFuzzer/Exercise.swift "$here"/Fuzz/Linearity/main.swift
	echo "$out/mail-linearity"
	;;
esac

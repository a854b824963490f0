import ArgumentParser
import Digest
import Glibc

extension ColorChoice: ExpressibleByArgument {}

/// `--color auto|always|never` for the text report.
struct ColorOption: ParsableArguments {
    @Option(
        name: .customLong("color"),
        help: ArgumentHelp(
            "Colour the text report's headings, counts and labels: auto (only on a terminal, without NO_COLOR, TERM not dumb), always or never.",
            valueName: "when"))
    var choice: ColorChoice = .auto

    /// The colour of a report written to `outputPath` (nil: standard output).
    func color(outputPath: String?, environment: [String: String]) -> TextColor {
        TextColor.decide(choice, isTerminal: outputPath == nil && isatty(STDOUT_FILENO) == 1, environment: environment)
    }
}

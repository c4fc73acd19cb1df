/// How every screen spells and colours a process's utilisation, so a hot node looks the same everywhere.
enum Utilisation {
    /// Busy fractions at or above which a process is drawn as warm, and as hot.
    static let warmFraction = 0.7
    static let hotFraction = 0.9

    /// `97%`, or a dash when the process's load was not measured.
    static func text(_ fraction: Double?) -> String {
        guard let fraction else { return Format.missing }
        return Format.fixed(fraction * 100, decimals: 0) + "%"
    }

    /// Green below warm, yellow below hot, red from hot up; dim when not measured.
    static func style(_ fraction: Double?, theme: Theme) -> Style {
        guard let fraction else { return theme.dim }
        return fraction >= hotFraction ? theme.bad : fraction >= warmFraction ? theme.warn : theme.good
    }
}

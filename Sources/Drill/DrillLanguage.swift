import ClusterSim

/// Names shared by the drill parser and its error messages.
public enum DrillLanguage {
    /// Starts a comment that runs to the end of the line.
    public static let commentMarker: Character = "#"
}

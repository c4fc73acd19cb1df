import ClusterSim

/// Facts about the dashboard's layout that the terminal layer needs before a model exists.
public enum DeckLayout {
    /// The smallest terminal the dashboard draws into; smaller shows a centred message instead.
    public static let minimumColumns = 100
    public static let minimumRows = 30
}

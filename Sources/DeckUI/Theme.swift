/// The dashboard's styles by meaning (healthy, fault, leader, ...), in colour or, under `NO_COLOR`, with
/// attributes only, so faults, leaders and leaderless partitions stay marked either way.
public struct Theme: Sendable, Equatable {
    public var text: Style
    public var dim: Style
    public var heading: Style
    public var border: Style
    public var focusBorder: Style
    public var title: Style
    public var focusTitle: Style
    public var good: Style
    public var warn: Style
    public var bad: Style
    /// A partition without a leader, a down node: must stand out even without colour.
    public var alarm: Style
    public var leader: Style
    public var follower: Style
    public var learner: Style
    public var banner: Style
    public var accent: Style
    public var key: Style
    public var selected: Style

    /// Colours plus attributes.
    public static let color = Theme(
        text: .plain, dim: Style(.gray), heading: Style(.default, .bold), border: Style(.gray),
        focusBorder: Style(.cyan, .bold), title: Style(.default, .bold), focusTitle: Style(.cyan, [.bold, .reverse]),
        good: Style(.green), warn: Style(.yellow), bad: Style(.red, .bold), alarm: Style(.red, .bold),
        leader: Style(.green, .bold), follower: Style(.default), learner: Style(.yellow),
        banner: Style(.red, [.bold, .reverse]), accent: Style(.cyan), key: Style(.cyan, .bold),
        selected: Style(.default, .reverse))

    /// No colours: the same marks through bold, reverse, dim and underline.
    public static let monochrome = Theme(
        text: .plain, dim: Style(.default, .dim), heading: Style(.default, .bold), border: .plain,
        focusBorder: Style(.default, .bold), title: Style(.default, .bold), focusTitle: Style(.default, [.bold, .reverse]),
        good: .plain, warn: Style(.default, .underline), bad: Style(.default, .bold),
        alarm: Style(.default, [.bold, .reverse]), leader: Style(.default, .bold), follower: .plain,
        learner: Style(.default, .dim), banner: Style(.default, [.bold, .reverse]), accent: .plain,
        key: Style(.default, .bold), selected: Style(.default, .reverse))

    public static func forMonochrome(_ monochrome: Bool) -> Theme { monochrome ? .monochrome : .color }
}

/// Page numbers as clients send them, made safe to compute with.
enum Paging {
    /// `asked`, at least 1 and at most the largest page whose rows' positions (up to one past the page, to see
    /// whether another follows) fit in an `Int`: a page past the last one is simply empty, never an overflow.
    static func page(_ asked: Int?, size: Int) -> Int {
        min(max(1, asked ?? 1), Int.max / size - 1)
    }
}

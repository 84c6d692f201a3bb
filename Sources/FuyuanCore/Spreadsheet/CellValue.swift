import Foundation

/// How a number stored in a spreadsheet cell reads as the office program shows it: a date by its number format
/// (never by the number's size), a plain number without a trailing `.0`, and a long digit string the program has
/// already rounded told apart so that it is refused instead of stored wrong.
public enum CellValue {
    /// What a number format shows.
    public enum Shape: Equatable, Sendable {
        case number
        /// A day: 2025-06-30.
        case date
        /// A month without its day, as `yyyy"年"m"月"` shows it: 2023年12月.
        case month
        /// A time of day without a date: 14:30.
        case time
    }

    /// A number cell as a person reads it.
    public enum Reading: Equatable, Sendable {
        case text(String)
        /// The number has more digits than a spreadsheet keeps (15): what is stored is not what was typed.
        case rounded(String)
        /// A date cell whose number is no day (0, the 29 February 1900 that never was, beyond 2999).
        case notADay(String)
    }

    /// The shape of built-in format `id` (ECMA-376 §18.8.30, with the ids 27–36 and 50–58 that Chinese Excel and WPS
    /// give their dates and times), or of a custom format `code`.
    public static func shape(formatID id: Int, code: String?) -> Shape {
        if let code { return shape(code: code) }
        switch id {
        case 14, 15, 16, 22, 28, 29, 30, 31, 50, 51, 52, 53, 54, 55, 56, 57, 58: return .date
        case 17, 27, 36: return .month
        case 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47: return .time
        default: return .number
        }
    }

    /// The shape of a format code such as `yyyy"年"m"月"d"日"`, `yyyy/m/d h:mm` or `0.00`: its first section's
    /// letters outside quotes, escapes and brackets (`[h]` counts as a time).
    public static func shape(code: String) -> Shape {
        var letters = Set<Character>()
        var quoted = false
        var escaped = false
        var bracket = ""
        var inBracket = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
            } else if quoted {
                if character == "\"" { quoted = false }
            } else if inBracket {
                if character == "]" {
                    inBracket = false
                    if !bracket.isEmpty && bracket.allSatisfy({ "hms".contains($0) }) { letters.formUnion(bracket) }
                } else {
                    bracket.append(character)
                }
            } else {
                switch character {
                case "\"": quoted = true
                case "\\", "_", "*": escaped = true
                case "[":
                    inBracket = true
                    bracket = ""
                case ";": return shape(letters)
                default: letters.insert(character)
                }
            }
        }
        return shape(letters)
    }

    private static func shape(_ letters: Set<Character>) -> Shape {
        let day = letters.contains("d")
        let year = letters.contains("y")
        let time = letters.contains("h") || letters.contains("s")
        if day { return .date }
        if year { return letters.contains("m") ? .month : .date }
        if time { return .time }
        return letters.contains("m") ? .date : .number
    }

    /// The stored number `raw` of a cell of `shape`, in a workbook of the 1900 or the 1904 date system.
    public static func reading(_ raw: String, shape: Shape, date1904: Bool) -> Reading {
        guard let number = Double(raw), number.isFinite else { return .text(raw) }
        switch shape {
        case .number:
            return plain(number, raw: raw)
        case .date, .month:
            guard let day = day(serial: number, date1904: date1904) else { return .notADay(raw) }
            return .text(shape == .date ? day.description : "\(day.year)年\(day.month)月")
        case .time:
            let seconds = Int((number - number.rounded(.down)) * 86_400 + 0.5) % 86_400
            let text = String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
            return .text(seconds % 60 == 0 ? text : text + String(format: ":%02d", seconds % 60))
        }
    }

    /// A spreadsheet keeps 15 significant digits: a whole number of 16 digits or more was rounded when typed (an
    /// 18-digit ID number becomes 4.10423199003071E+17).
    static let largestExact = 1e15

    private static func plain(_ number: Double, raw: String) -> Reading {
        if abs(number) >= largestExact { return .rounded(raw) }
        if number == number.rounded(.towardZero) { return .text(String(Int(number))) }
        let shortest = "\(number)"
        return .text(shortest.contains("e") ? String(format: "%.15f", number).replacing(/0+$/, with: "") : shortest)
    }

    /// The day of a date serial number: days since 1899-12-30 in the 1900 system (which, as Lotus 1-2-3 did, counts
    /// a 29 February 1900 that never was: serial 60), since 1904-01-01 in the 1904 system. A time of day within it
    /// does not change the day; it is rounded to the second first, as the program shows it.
    public static func day(serial: Double, date1904: Bool) -> CalendarDay? {
        guard serial.isFinite, serial >= 0, serial < 1_100_000 else { return nil }
        let whole = Int(((serial * 86_400).rounded()) / 86_400)
        let days: Int
        if date1904 {
            days = whole + civilDays(year: 1904, month: 1, day: 1)
        } else {
            guard whole >= 1, whole != 60 else { return nil }
            days = whole + civilDays(year: 1899, month: 12, day: whole < 60 ? 31 : 30)
        }
        let (year, month, day) = civil(days)
        return CalendarDay(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func civilDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

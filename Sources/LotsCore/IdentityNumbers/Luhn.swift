/// The mod-10 (Luhn) check digit used by Swedish identity numbers, with weights 2, 1, 2, 1, … from the left.
public enum Luhn {
    public static func checkDigit(for digits: [Int]) -> Int {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let product = digit * (index % 2 == 0 ? 2 : 1)
            sum += product / 10 + product % 10
        }
        return (10 - sum % 10) % 10
    }
}

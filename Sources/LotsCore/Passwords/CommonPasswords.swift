/// Bases of the passwords that top every published breach-corpus frequency list (English, Swedish and
/// Finnish favourites), in lower case. Matching also catches them with digits and symbols appended.
enum CommonPasswords {
    static let all: Set<String> = [
        "password", "passw0rd", "p4ssword", "password1", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm",
        "letmein", "welcome", "welcome1", "iloveyou", "admin", "administrator", "root", "login", "master", "secret",
        "monkey", "dragon", "football", "baseball", "soccer", "hockey", "basketball", "superman", "batman", "starwars",
        "princess", "sunshine", "shadow", "michael", "jennifer", "jordan", "hunter", "freedom", "whatever", "trustno1",
        "abc123", "abcdef", "abcdefg", "abcdefgh", "changeme", "default", "guest", "test", "testing", "hello",
        "hellohello", "lovely", "charlie", "summer", "winter", "spring", "autumn", "flower", "cookie", "pokemon",
        "computer", "internet", "samsung", "google", "apple", "microsoft", "linkedin", "facebook", "instagram",
        "lösenord", "losenord", "losen", "hemligt", "sommar", "vinter", "hösten", "varen", "sverige", "stockholm",
        "göteborg", "malmö", "kalle", "anka", "kallekula", "hejhej", "hejsan", "älskling", "alskling", "fotboll",
        "salasana", "salainen", "kissa", "koira", "suomi", "helsinki", "perkele", "kesä", "talvi", "rakkaus",
        "ninja", "mustang", "access", "killer", "matrix", "maggie", "ginger", "pepper", "cheese", "chocolate",
        "qazwsx", "zaq12wsx", "1q2w3e4r", "1qaz2wsx", "q1w2e3r4", "aa123456", "password123", "qwerty123", "iloveyou1",
        "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "111111", "000000", "654321",
        "121212", "112233", "123123", "123321", "666666", "696969", "987654321", "7777777", "88888888", "11111111",
    ]
}

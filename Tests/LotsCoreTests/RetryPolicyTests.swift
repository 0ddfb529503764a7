import Testing
import LotsCore

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(baseDelay: 30, multiplier: 2, maximumDelay: 3600, jitter: 0.2)

    @Test func growsExponentiallyWithoutJitterAtMidpoint() {
        #expect(policy.delay(afterAttempt: 1, unit: 0.5) == 30)
        #expect(policy.delay(afterAttempt: 2, unit: 0.5) == 60)
        #expect(policy.delay(afterAttempt: 5, unit: 0.5) == 480)
    }

    @Test func neverExceedsTheCeiling() {
        for attempt in 1...40 {
            for unit in [0.0, 0.5, 0.999] {
                #expect(policy.delay(afterAttempt: attempt, unit: unit) <= 3600)
            }
        }
        #expect(policy.delay(afterAttempt: 30, unit: 0.5) == 3600)
    }

    @Test func jitterStaysWithinItsBand() {
        #expect(policy.delay(afterAttempt: 1, unit: 0) == 24)
        #expect(abs(policy.delay(afterAttempt: 1, unit: 0.999_999) - 36) < 0.001)
    }
}

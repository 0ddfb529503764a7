import Foundation
import Testing
import LotsCore

@Suite struct AuditChainTests {
    func entry(_ index: Int) -> AuditEntry {
        let even = index % 2 == 0
        let at: Int64 = 1_800_000_000_000 + Int64(index)
        return AuditEntry(sequence: Int64(index), occurredAtMilliseconds: at, organisationID: UUID(), actorID: UUID(),
                          actorRole: "handledare", action: even ? "view" : "search", subject: "p-\(index)",
                          purpose: "dokumentation", resultCount: index, query: even ? nil : "personnummer = ?", previousHash: "")
    }

    func entries(_ count: Int) -> [AuditEntry] {
        (1...count).map(entry)
    }

    @Test func intactChainVerifies() {
        let chain = AuditChain.link(entries(20), after: AuditChain.genesis)
        #expect(chain.first?.previousHash == AuditChain.genesis)
        #expect(AuditChain.verify(chain, after: AuditChain.genesis, previousSequence: 0) == nil)
        #expect(AuditChain.verify(Array(chain[10...]), after: chain[9].hash, previousSequence: 10) == nil)
    }

    @Test func editedEventIsPinpointed() {
        var chain = AuditChain.link(entries(20), after: AuditChain.genesis)
        chain[6].purpose = "nyfikenhet"
        #expect(AuditChain.verify(chain, after: AuditChain.genesis, previousSequence: 0) == .contentChanged(sequence: 7))
        // Recomputing the edited event's own hash does not help: the next event's link breaks.
        chain[6].hash = AuditChain.hash(of: chain[6])
        #expect(AuditChain.verify(chain, after: AuditChain.genesis, previousSequence: 0) == .linkBroken(sequence: 8))
    }

    @Test func removedReorderedOrRenumberedEventsAreFound() {
        let chain = AuditChain.link(entries(10), after: AuditChain.genesis)
        var removed = chain
        removed.remove(at: 4)
        #expect(AuditChain.verify(removed, after: AuditChain.genesis, previousSequence: 0) == .gap(after: 4))
        var swapped = chain
        swapped.swapAt(2, 3)
        #expect(AuditChain.verify(swapped, after: AuditChain.genesis, previousSequence: 0) != nil)
    }

    @Test func fieldsCannotBeShiftedBetweenEachOther() {
        var a = entries(1)[0]
        var b = a
        a.subject = "ab"
        a.purpose = "c"
        b.subject = "a"
        b.purpose = "bc"
        #expect(AuditChain.canonicalBytes(a) != AuditChain.canonicalBytes(b))
        a.query = nil
        b = a
        b.query = ""
        #expect(AuditChain.canonicalBytes(a) != AuditChain.canonicalBytes(b), "missing and empty differ")
    }
}

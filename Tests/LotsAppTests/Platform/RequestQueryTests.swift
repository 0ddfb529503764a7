import Testing
import Vapor
@testable import LotsApp

@Suite struct RequestQueryTests {
    @Test func queryValuesAreDecodedLikeAForm() {
        let values = Request.parseQuery("q=Anna+Svensson&purpose=case%20work&page=2&page=3&flag&=x&bad=%E0%A4%A")
        #expect(values["q"] == "Anna Svensson")
        #expect(values["purpose"] == "case work")
        #expect(values["page"] == "2", "the first of repeated values")
        #expect(values["flag"] == nil, "a bare name is no name=value pair")
        #expect(values[""] == nil)
        #expect(values["bad"] == nil, "malformed percent-encoding is no value")
        #expect(Request.parseQuery("a=1=2&empty=")["a"] == "1=2")
        #expect(Request.parseQuery("a=1=2&empty=")["empty"] == "")
        #expect(Request.parseQuery("").isEmpty)
    }
}

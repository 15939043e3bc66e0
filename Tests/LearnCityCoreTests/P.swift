import Testing
@testable import LearnCityCore
@Test func placeholder() { #expect(true) }

import Testing
import VaporTesting
@testable import LearnCityApp
@Test func placeholder2() { #expect(true) }

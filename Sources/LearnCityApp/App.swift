import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Plot
import Prometheus
import LearnCityCore

import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Markup
import Prometheus
import LearnCityCore

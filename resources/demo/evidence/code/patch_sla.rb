# frozen_string_literal: true

# Patch SLA gate for {{APP}} ({{PARTNER}}).
# `bin/rails security:patch_sla` runs in CI after `bundle audit check --update`;
# a vulnerable gem older than its SLA fails the pipeline.
require "bundler/audit/scanner"

module PatchSla
  SLA_DAYS = { "critical" => 7, "high" => 14, "medium" => 30, "low" => 90 }.freeze

  # Lowest versions that contain the fixes for advisories we track by hand.
  MINIMUM_VERSIONS = {
    "rails" => "7.1.3.4",
    "nokogiri" => "1.16.5",
    "rack" => "3.0.11",
    "puma" => "6.4.3",
    "devise" => "4.9.4",
  }.freeze

  def self.patched?(spec)
    name, version = spec.split("@", 2)
    minimum = MINIMUM_VERSIONS[name.to_s.downcase]
    minimum.nil? || Gem::Version.new(version.to_s) >= Gem::Version.new(minimum)
  end

  def self.overdue(today: Date.today)
    Bundler::Audit::Scanner.new.scan.filter_map do |result|
      next unless result.is_a?(Bundler::Audit::Results::UnpatchedGem)

      advisory = result.advisory
      severity = (advisory.criticality || :medium).to_s
      age = (today - (advisory.date || today)).to_i
      next if age <= SLA_DAYS.fetch(severity, 30)

      { gem: result.gem.name, version: result.gem.version.to_s, id: advisory.id, severity: severity, age_days: age }
    end
  end

  {{VECTORS}}
end

namespace :security do
  desc "Fail when a vulnerable gem is past its patch SLA"
  task patch_sla: :environment do
    PatchSla.self_check!
    late = PatchSla.overdue
    late.each { |f| warn "OVERDUE #{f[:severity]} #{f[:gem]} #{f[:version]} #{f[:id]} (#{f[:age_days]}d)" }
    abort "#{late.size} dependency(ies) past patch SLA" unless late.empty?
  end
end

import Foundation
import PackagePlugin

/// Embeds every lexicon under `lexicons/` into the target as Swift source, rebuilt whenever a
/// lexicon file changes.
@main
struct EmbedLexicon: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexicons = context.package.directoryURL.appending(path: "lexicons")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexiconFiles.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "json" || url.pathExtension == "tsv" {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding lexicons from \(lexicons.path)",
                executable: try context.tool(named: "perceive-embed-lexicon").url,
                arguments: [lexicons.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}

/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads its config as CommonJS */
/**
 * Two bundles:
 *  - taskpane:  the production add-in (React + Fluent UI v9). Office.js comes only from the
 *               Office CDN script tag in taskpane.html. Never hyperformula or exceljs.
 *  - workbench: the browser page with a simulated workbook beside the same task pane; it may
 *               include the simulated Excel host, hyperformula and exceljs.
 * No eval-based source maps in any mode: the task pane's Content-Security-Policy forbids eval.
 * `--env origin=https://host/path` also writes dist/manifest.xml with every URL on that address
 * (manifest.xml at the root stays the development manifest, on https://localhost:3000).
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
// webpack's own minimizer plugin (webpack depends on it), driven by swc, which is installed for swc-loader.
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { manifestFor } = require('./scripts/manifest.cjs');

/** Copies the ribbon icons into dist/assets so the manifest's URLs resolve. */
class EmitIconsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitIconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EmitIconsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.resolve(__dirname, 'assets');
        for (const file of fs.readdirSync(dir).filter((f) => /^icon-\d+\.png$/.test(f))) {
          compilation.emitAsset(`assets/${file}`, new compiler.webpack.sources.RawSource(fs.readFileSync(path.join(dir, file))));
        }
      });
    });
  }
}

/**
 * Writes dist/manifest.xml: manifest.xml with every URL moved to `origin`. The manifest is made
 * when the config is too, so a bad origin fails at once; `manifest()` is what is written.
 */
class EmitManifestPlugin {
  constructor(origin) {
    this.origin = origin;
    this.source = path.resolve(__dirname, 'manifest.xml');
    this.manifest();
  }

  manifest() {
    return manifestFor(fs.readFileSync(this.source, 'utf8'), this.origin);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitManifestPlugin', (compilation) => {
      compilation.fileDependencies.add(this.source);
      compilation.hooks.processAssets.tap({ name: 'EmitManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('manifest.xml', new compiler.webpack.sources.RawSource(this.manifest()));
      });
    });
  }
}

/**
 * Libraries the add-in's task pane must never ship (GPL HyperFormula; exceljs is for files, not
 * Excel; Microsoft's Excel client comes from the Office CDN in Excel, never from the bundle).
 */
const FORBIDDEN_IN_TASKPANE = /[\\/]node_modules[\\/](hyperformula|exceljs|@microsoft[\\/]office-js)[\\/]/;

/** Fails the build when the taskpane chunk contains a forbidden library, naming the module. */
class TaskpaneGuardPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('TaskpaneGuardPlugin', (compilation) => {
      for (const chunk of compilation.chunks) {
        if (chunk.name !== 'taskpane') continue;
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          // Production concatenates modules: look inside the concatenation too.
          for (const inner of [module, ...(module.modules ?? [])]) {
            const resource = inner.resource ?? '';
            const bad = FORBIDDEN_IN_TASKPANE.exec(resource);
            if (bad) {
              compilation.errors.push(new compiler.webpack.WebpackError(`The task pane bundle must not contain ${bad[1]} (found ${resource}).`));
              return;
            }
          }
        }
      }
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  return {
    mode,
    devtool: mode === 'development' ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      workbench: './src/workbench/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      // Modern browsers only (Office's WebView2 / WKWebView, evergreen browsers): use globalThis,
      // so webpack's runtime needs no `new Function('return this')` fallback (the CSP forbids it).
      environment: { globalThis: true, arrowFunction: true, const: true, destructuring: true, dynamicImport: true, module: true, optionalChaining: true, templateLiteral: true },
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // exceljs pulls in Node built-ins it only needs for files on disk; the browser reads buffers.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false, zlib: false, util: false, buffer: false, process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
        {
          // Microsoft's Excel client for the workbench (src/workbench/office-client.ts refers to it
          // with new URL(…, import.meta.url)): copied as it is to dist/office-js/, not bundled.
          test: /[\\/]node_modules[\\/]@microsoft[\\/]office-js[\\/]dist[\\/]/,
          type: 'asset/resource',
          generator: { filename: 'office-js/[name][ext]' },
        },
      ],
    },
    optimization: {
      // Each page gets its own bundle, so the task pane cannot share a chunk that pulls in the workbench's libraries.
      splitChunks: false,
      // swc rather than terser: the same size to within a few per cent, in a fraction of the time on a small machine.
      minimizer: [new MinimizerPlugin({ test: /\.js$/, exclude: /^office-js\//, minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: { passes: 2 }, mangle: true } })],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      // The manifest's SupportUrl and LearnMoreUrl: plain HTML, no script.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], inject: false, minify: false }),
      new HtmlWebpackPlugin({ filename: 'workbench.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/workbench.html', chunks: ['workbench'] }),
      new EmitIconsPlugin(),
      new TaskpaneGuardPlugin(),
      ...(env.origin ? [new EmitManifestPlugin(env.origin)] : []),
    ],
  };
};

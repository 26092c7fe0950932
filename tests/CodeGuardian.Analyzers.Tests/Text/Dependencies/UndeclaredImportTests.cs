using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Dependencies;

public class UndeclaredImportTests
{
    private static DiagnosticResult At(int location, string package, string manifest) =>
        TextFileVerifier.Diagnostic("CG6001").WithLocation(location).WithArguments(package, manifest);

    private static CSharpAnalyzerVerifier<TextFileAnalyzer>.Test Test(params (string Path, string Content)[] files)
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty };
        foreach (var (path, content) in files)
        {
            test.WithFile(path, content);
        }

        return test;
    }

    private const string PackageJson = """
        {
          "name": "@acme/web",
          "dependencies": { "react": "^18.2.0", "@tanstack/react-query": "^5.0.0", "lodash": "4.17.21" },
          "devDependencies": { "vitest": "^1.0.0" },
          "peerDependencies": { "react-dom": "^18.2.0" },
          "optionalDependencies": { "fsevents": "^2.3.3" }
        }
        """;

    private const string TsConfig = """
        {
          // comments and trailing commas are allowed here
          "compilerOptions": {
            "baseUrl": "./src",
            "paths": { "@/*": ["./src/*"], "@app/*": ["./src/app/*"], "config": ["./src/config.ts"], },
          },
        }
        """;

    [Fact]
    public async Task JavaScript_checks_every_import_form_against_the_nearest_package_json()
    {
        var test = Test(
            ("/web/package.json", PackageJson),
            ("/web/tsconfig.json", TsConfig),
            ("/web/src/components/Button.tsx", "export const Button = 1;\n"),
            ("/web/src/app/main.ts", """
                import React from 'react';
                import { useQuery } from "@tanstack/react-query/build/modern";
                import debounce from 'lodash/debounce';
                import { describe } from 'vitest';
                import { createRoot } from 'react-dom/client';
                import 'fsevents';
                import fs from 'node:fs';
                import { readFile } from 'fs/promises';
                import path from "path";
                import { Button } from 'components/Button';
                import { api } from '@/api';
                import { routes } from '@app/routes';
                import settings from 'config';
                import local from './local';
                import parent from '../parent';
                import self from '@acme/web/utils';
                import pkgImport from '#internal';
                import axios from '{|#0:axios|}';
                import { z } from "{|#1:@hallucinated/zod-utils|}";
                export { helper } from '{|#2:left-pad-pro/sub|}';
                const chalk = require('{|#3:chalk|}');
                const lazy = await import('{|#4:react-magic-hooks|}');
                const ok = require('lodash');
                // import nope from 'commented-out';
                const text = "import x from 'in-a-string'";
                obj.require('not-a-module-load');
                """));
        test.ExpectedDiagnostics.Add(At(0, "axios", "../../package.json"));
        test.ExpectedDiagnostics.Add(At(1, "@hallucinated/zod-utils", "../../package.json"));
        test.ExpectedDiagnostics.Add(At(2, "left-pad-pro", "../../package.json"));
        test.ExpectedDiagnostics.Add(At(3, "chalk", "../../package.json"));
        test.ExpectedDiagnostics.Add(At(4, "react-magic-hooks", "../../package.json"));
        await test.RunAsync();
    }

    [Fact]
    public async Task JavaScript_nearest_package_json_wins_and_no_manifest_is_silent()
    {
        var test = Test(
            ("/repo/package.json", """{ "dependencies": { "express": "4" } }"""),
            ("/repo/packages/api/package.json", """{ "dependencies": { "fastify": "4" } }"""),
            ("/repo/packages/api/index.js", "const f = require('fastify');\nconst e = require('{|#0:express|}');\n"),
            ("/other/tool.js", "const anything = require('whatever-package');\n"));
        test.ExpectedDiagnostics.Add(At(0, "express", "package.json"));
        await test.RunAsync();
    }

    [Fact]
    public async Task JavaScript_each_folder_keeps_its_own_nearest_package_json_across_files()
    {
        // Several files per folder: the nearest manifest found for the first file of a folder is reused, never mixed up
        // with another folder's.
        var test = Test(
            ("/repo/package.json", """{ "dependencies": { "express": "4" } }"""),
            ("/repo/packages/api/package.json", """{ "dependencies": { "fastify": "4" } }"""),
            ("/repo/packages/api/a.js", "const f = require('fastify');\nconst e = require('{|#0:express|}');\n"),
            ("/repo/packages/api/b.js", "import e from '{|#1:express|}';\nimport f from 'fastify';\n"),
            ("/repo/web/c.js", "const e = require('express');\nconst f = require('{|#2:fastify|}');\n"),
            ("/repo/web/d.js", "import f from '{|#3:fastify|}';\n"));
        test.ExpectedDiagnostics.Add(At(0, "express", "package.json"));
        test.ExpectedDiagnostics.Add(At(1, "express", "package.json"));
        test.ExpectedDiagnostics.Add(At(2, "fastify", "../package.json"));
        test.ExpectedDiagnostics.Add(At(3, "fastify", "../package.json"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Python_requirements_with_extras_markers_includes_and_mapped_names()
    {
        var test = Test(
            ("/svc/requirements.txt", """
                # production
                -r requirements/base.txt
                Django[argon2]>=4.2,<5 ; python_version >= "3.10"
                PyYAML==6.0.1  # yaml
                scikit-learn~=1.4
                opencv-python-headless
                beautifulsoup4
                python-dateutil
                PyJWT[crypto]
                -e git+https://example.invalid/acme/tool.git#egg=acme_tool
                --index-url https://pypi.example.invalid/simple
                """),
            ("/svc/requirements/base.txt", "requests==2.31.0\nPillow>=10\ngoogle-cloud-storage\n"),
            ("/svc/app/__init__.py", ""),
            ("/svc/app/models.py", "X = 1\n"),
            ("/svc/main.py", """
                import os, sys
                import json as j
                from __future__ import annotations
                import django.db
                from django.conf import settings
                import yaml
                from sklearn.linear_model import LinearRegression
                import cv2
                from bs4 import BeautifulSoup
                from dateutil import parser
                import jwt
                import requests
                from PIL import Image
                from google.cloud import storage
                import acme_tool
                from app import models
                import app.models
                from . import sibling
                from .models import X
                import {|#0:numpy|} as np
                import json, {|#1:fancy_hallucinated_lib|}
                from {|#2:flask|} import Flask
                try:
                    import ujson
                except ImportError:
                    ujson = None
                # import commented_out
                text = "import in_a_string"
                """));
        test.ExpectedDiagnostics.Add(At(0, "numpy", "requirements.txt"));
        test.ExpectedDiagnostics.Add(At(1, "fancy_hallucinated_lib", "requirements.txt"));
        test.ExpectedDiagnostics.Add(At(2, "flask", "requirements.txt"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Python_folder_with_two_manifests_declares_both_and_each_folder_keeps_its_own_across_files()
    {
        // The folder's manifests are united once and reused by every file under it; another folder's never leak in,
        // and the message names all of the folder's manifests, relative to each file.
        var test = Test(
            ("/m/requirements.txt", "requests==2.31\n"),
            ("/m/pyproject.toml", "[project]\nname = \"m\"\ndependencies = [\"httpx\"]\n"),
            ("/m/a.py", "import requests\nimport httpx\nimport {|#0:flask|}\n"),
            ("/m/pkg/b.py", "import httpx\nimport requests\nimport {|#1:fastapi|}\n"),
            ("/n/requirements.txt", "flask\n"),
            ("/n/c.py", "import flask\nimport {|#2:requests|}\nimport {|#3:httpx|}\n"));
        test.ExpectedDiagnostics.Add(At(0, "flask", "pyproject.toml, requirements.txt"));
        test.ExpectedDiagnostics.Add(At(1, "fastapi", "../pyproject.toml, ../requirements.txt"));
        test.ExpectedDiagnostics.Add(At(2, "requests", "requirements.txt"));
        test.ExpectedDiagnostics.Add(At(3, "httpx", "requirements.txt"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Python_pyproject_pep621_and_poetry_and_setup_cfg_and_pipfile()
    {
        var test = Test(
            ("/a/pyproject.toml", """
                [project]
                name = "acme-core"
                dependencies = [
                    "httpx>=0.27",
                    "pydantic[email]>=2",  # models
                ]

                [project.optional-dependencies]
                redis = ["redis>=5"]

                [build-system]
                requires = ["hatchling"]
                """),
            ("/a/src/use.py", "import httpx\nimport pydantic\nimport redis\nimport acme_core\nimport {|#0:hatchling|}\n"),
            ("/b/pyproject.toml", """
                [tool.poetry]
                name = "svc"

                [tool.poetry.dependencies]
                python = "^3.11"
                fastapi = { version = "^0.110", extras = ["all"] }
                SQLAlchemy = "^2.0"

                [tool.poetry.group.dev.dependencies]
                pytest-asyncio = "^0.23"
                """),
            ("/b/svc/run.py", "import fastapi\nimport sqlalchemy\nimport pytest_asyncio\nimport {|#1:uvicorn|}\n"),
            ("/c/setup.cfg", """
                [metadata]
                name = legacy

                [options]
                install_requires =
                    click>=8
                    attrs

                [options.extras_require]
                docs =
                    sphinx
                """),
            ("/c/legacy/cli.py", "import click\nimport attr\nimport sphinx\nimport {|#2:rich|}\n"),
            ("/d/Pipfile", """
                [packages]
                celery = "*"

                [dev-packages]
                black = "*"
                """),
            ("/d/tasks.py", "import celery\nimport black\nimport {|#3:kombu_extra|}\n"));
        test.ExpectedDiagnostics.Add(At(0, "hatchling", "../pyproject.toml"));
        test.ExpectedDiagnostics.Add(At(1, "uvicorn", "../pyproject.toml"));
        test.ExpectedDiagnostics.Add(At(2, "rich", "../setup.cfg"));
        test.ExpectedDiagnostics.Add(At(3, "kombu_extra", "Pipfile"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Rust_dependencies_renames_targets_workspaces_and_local_items()
    {
        var test = Test(
            ("/rs/Cargo.toml", """
                [workspace]
                members = ["crates/*"]

                [workspace.dependencies]
                serde = { version = "1", features = ["derive"] }
                """),
            ("/rs/crates/app/Cargo.toml", """
                [package]
                name = "my-app"
                edition = "2021"

                [dependencies]
                serde.workspace = true
                serde_json = "1"
                tokio = { version = "1", features = ["full"] }
                http-body = "1"
                web = { package = "actix-web", version = "4" }

                [dependencies.rand]
                version = "0.8"

                [dev-dependencies]
                proptest = "1"

                [build-dependencies]
                cc = "1"

                [target.'cfg(windows)'.dependencies]
                winapi = "0.3"
                """),
            ("/rs/crates/app/src/main.rs", """
                use std::collections::HashMap;
                use core::fmt;
                use alloc::vec::Vec;
                use crate::config::Settings;
                use self::inner::X;
                use super::Y;
                use serde::{Deserialize, Serialize};
                use serde_json::Value;
                use tokio::runtime;
                use http_body::Body;
                use web::App;
                use rand::Rng;
                use proptest::prelude::*;
                use winapi::um;
                use my_app::lib_fn;
                use ::tokio::time;
                use Direction::*;
                use fmt::Display;
                mod config;
                mod inner { pub struct X; }
                enum Direction { Up, Down }
                extern crate cc;
                use {|#0:reqwest|}::Client;
                use ::{|#1:anyhow|}::Result;
                extern crate {|#2:hallucinated_crate|};
                pub use {|#3:actix_web|}::HttpServer;
                // use commented::Out;
                const S: &str = "use in_a_string::X;";
                """));
        test.ExpectedDiagnostics.Add(At(0, "reqwest", "../Cargo.toml"));
        test.ExpectedDiagnostics.Add(At(1, "anyhow", "../Cargo.toml"));
        test.ExpectedDiagnostics.Add(At(2, "hallucinated_crate", "../Cargo.toml"));
        test.ExpectedDiagnostics.Add(At(3, "actix_web", "../Cargo.toml"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Rust_and_python_without_manifest_are_silent()
    {
        await Test(("/loose/main.rs", "use reqwest::Client;\n"), ("/loose/x.py", "import numpy\n")).RunAsync();
    }

    [Fact]
    public async Task Malformed_and_self_including_manifests_do_not_throw()
    {
        var test = Test(
            ("/m/package.json", "{ \"dependencies\": { \"react\": "),
            ("/m/app.js", "import r from 'react';\nimport v from '{|#0:vue|}';\n"),
            ("/p/requirements.txt", "-r requirements.txt\n-r\n-r missing.txt\n[weird\n==1.0\nrequests\n"),
            ("/p/x.py", "import requests\nimport {|#1:yaml|}\n"),
            ("/r/Cargo.toml", "[dependencies\nserde = {\n[package\nname = "),
            ("/r/src/lib.rs", "use serde::Deserialize;\nuse {|#2:rand|}::Rng;\nuse"));
        test.ExpectedDiagnostics.Add(At(0, "vue", "package.json"));
        test.ExpectedDiagnostics.Add(At(1, "yaml", "requirements.txt"));
        test.ExpectedDiagnostics.Add(At(2, "rand", "../Cargo.toml"));
        await test.RunAsync();
    }
}

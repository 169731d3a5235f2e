#!/usr/bin/env node
import './test-server/index.js';

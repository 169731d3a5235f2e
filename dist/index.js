#!/usr/bin/env node
import './action/index.js';

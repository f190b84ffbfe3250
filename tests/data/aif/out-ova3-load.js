// OVA3's own code for loading a saved analysis, run by tests/export/test_aif_out_ova3.py
// under Node.js with the browser stubbed out.
//
// Every function marked "verbatim" is copied unchanged from OVA3,
// https://github.com/arg-tech/OVA3 commit f72b2aded8994b871f40f7551b53d112b594d60c
// (files named above each), released under CC-BY-SA (OVA3's README: "The codebase
// is released under CC-BY-SA"); this file is shared under the same licence.  The
// stubs at the top and the driver at the bottom are argmap's.
//
// Usage: node out-ova3-load.js [plus] < file.json   (plus: OVA's dialogical mode, ?plus)
// Prints JSON: the nodes, edges and participants OVA holds after loading, and the
// I-nodes whose text span it could not find (OVA marks them).
// Not strict mode: OVA assigns undeclared globals (firstname, n, ...), as browsers allow.
// ---- argmap's stubs for what the browser provides (drawing, the DOM, posting edits)
console.log = function () { process.stderr.write(Array.from(arguments).join(" ") + "\n"); };  // OVA logs progress: keep stdout for the result
var nodes = [];
var edges = [];
var participants = [];
var users = [];
var PLUS = process.argv.includes("plus");
var dialogicalMode = PLUS;
var window = {nodeCounter: 0, sessionid: "s", showTimestamps: false, afirstname: "Analyst", snapMode: false};
var analysisText = "";      // the text OVA shows (loadText)
var loadedUrl = null;
var spanIds = new Set();    // the ids of the text's spans, as document.getElementById finds them
var marked = [];
function postEdit() {}
function DrawNode() {}
function DrawEdge() {}
function UpdateEdge() {}
function DrawTimestamp() {}
function addNodeDescriptor() {}
function hlReset(nodelist) {}
function clearAnalysis() {}
function calOffset() { return 0; }
async function postAddEdits(nodeStart, edgeStart) { return true; }
function getUrlVars() { return PLUS ? {plus: "true"} : {}; }
function getAllText() { return analysisText; }
function loadText(text) {
    if (text != "") {
        analysisText = text;
        for (const m of text.matchAll(/<span[^>]*\sid="([^"]*)"/g)) { spanIds.add(m[1]); }
        return true;
    }
    return false;
}
function loadUrl(url) { loadedUrl = url; }
var document = {
    getElementById: function (id) {
        if (!spanIds.has(id)) { return null; }
        var span = {_id: id};
        Object.defineProperty(span, "id", {
            get: function () { return this._id; },
            set: function (v) { spanIds.delete(this._id); spanIds.add(v); this._id = v; },
        });
        return span;
    },
};
function $(selector) {  // jQuery, as far as the load functions use it: options lists and the text's HTML
    var stub = {append: function () { return stub; }, filter: function () { return {val: function () { return undefined; }}; },
                html: function () { return analysisText; }, show: function () {}, hide: function () {}};
    return stub;
}


// ---- res/js/ova-model.js: Node (verbatim)
function Node() {
    this.nodeID = '';
    this.type = '';
    this.scheme = null;
    this.descriptors = [];
    this.cqdesc = [];
    this.participantID = 0;
    this.text = '';
    this.x = 0;
    this.y = 0;
    this.visible = true;
    this.timestamp = '';
    this.marked = false;
}

// ---- res/js/ova-model.js: newNode (verbatim)
function newNode(nodeID, type, scheme, participantID, text, x, y, visible, undone, timestamp, marked, post) {
    var n = new Node;
    n.nodeID = nodeID;
    n.type = type;
    n.scheme = scheme;
    n.participantID = participantID;
    n.text = text;
    n.x = x;
    n.y = y;
    n.visible = typeof visible !== 'undefined' ? visible : true;
    n.timestamp = typeof timestamp !== 'undefined' ? timestamp : '';
    n.marked = typeof marked !== 'undefined' ? marked : false;
    nodes.push(n);

    var undone = typeof undone !== 'undefined' ? undone : 0;
    var post = typeof post !== 'undefined' ? post : true;
    if (post) { postEdit("node", "add", n, undone, n.nodeID); }
    return n;
}

// ---- res/js/ova-model.js: updateNode (verbatim)
function updateNode(nodeID, x, y, visible, undone, post, type, scheme, text, timestamp, marked) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        n = nodes[index];
        n.x = x;
        n.y = y;
        n.visible = typeof visible !== 'undefined' ? visible : true;

        if (typeof type !== 'undefined') { n.type = type; }
        if (typeof scheme !== 'undefined') { n.scheme = scheme; }
        if (typeof text !== 'undefined') { n.text = text; }
        if (typeof timestamp !== 'undefined') { n.timestamp = timestamp; }
        if (typeof marked !== 'undefined') { n.marked = marked; }

        var undone = typeof undone !== 'undefined' ? undone : 0;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// ---- res/js/ova-model.js: updateNodeScheme (verbatim)
function updateNodeScheme(nodeID, scheme, undone, post) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        n = nodes[index];
        n.scheme = scheme;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// ---- res/js/ova-model.js: updateTimestamp (verbatim)
function updateTimestamp(nodeID, timestamp, undone, post) {
    var index = findNodeIndex(nodeID);
    if (index > -1) { //if the node exists
        n = nodes[index];
        n.timestamp = timestamp;
        var undone = typeof undone !== 'undefined' ? undone : 0;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) { postEdit("node", "edit", n, undone, n.nodeID); }
    }
}

// ---- res/js/ova-model.js: Edge (verbatim)
function Edge() {
    this.fromID = '';
    this.toID = '';
    this.visible = true;
}

// ---- res/js/ova-model.js: newEdge (verbatim)
function newEdge(fromID, toID, visible, undone, post) {
    var e = new Edge;
    e.fromID = fromID;
    e.toID = toID;
    e.visible = typeof visible !== 'undefined' ? visible : true;
    edges.push(e);

    var undone = typeof undone !== 'undefined' ? undone : 0;
    var post = typeof post !== 'undefined' ? post : true;
    if (post) { postEdit("edge", "add", e, undone); }
    return e;
}

// ---- res/js/ova-model.js: Participant (verbatim)
function Participant() {
    this.participantID = 0;
    this.firstname = '';
    this.surname = '';
}

// ---- res/js/ova-model.js: findParticipantID (verbatim)
function findParticipantID(firstname, surname) {
    var found = participants.find(p => p.firstname == firstname && p.surname == surname);
    if (typeof found !== "undefined") {
        return found.participantID;
    }
    return 0;
}

// ---- res/js/ova-model.js: findParticipantIDText (verbatim)
function findParticipantIDText(text) {
    var index = text.indexOf(":");
    var str = text.slice(0, index);
    var name = str.split(" ");
    var found = findParticipantID(name[0], name[1]);
    return found;
}

// ---- res/js/ova-model.js: getParticipantName (verbatim)
function getParticipantName(text) {
    var pname = [];
    var index = text.indexOf(":");
    var str = text.slice(0, index);
    var names = str.split(" ");
    pname.push(names[0]);
    names.splice(0, 1);
    pname.push(names.join(" "));
    return pname;
}

// ---- res/js/ova-init.js: hlUpdate (verbatim)
function hlUpdate(nodeID, type, newID, post, undone) {
    var span = document.getElementById("node" + nodeID); //try to find the span from the node ID

    if (span == null && !dialogicalMode && type == 'I') { //if a dialogical analysis into non-dialogical mode
        var lNodeID;
        if (Number.isInteger(nodeID)) { //if from OVA2
            lNodeID = nodeID - 2;
        }
        else { //if from OVA3
            var id = nodeID.split("_", 2);
            lNodeID = (parseInt(id[0]) + 1) + "_" + id[1];
        }
        span = document.getElementById("node" + lNodeID); //try to find the span based on a locution ID
    }

    if (span != null) { //if a span was found, update it
        span.id = "node" + newID;
        var post = typeof post !== 'undefined' ? post : true;
        if (post) {
            var undone = typeof undone !== 'undefined' ? undone : 0;
            postEdit("text", "edit", $('#analysis_text').html(), undone);
        }
        return true;
    } else { console.log("Couldn't find text span for node: " + newID); return false; }
}

// ---- res/js/ova-init.js: addParticipant (verbatim)
function addParticipant(firstname, surname) {
    var found = findParticipantID(firstname, surname);
    if (found === 0) {
        var p = new Participant;
        p.firstname = firstname;
        p.surname = surname;
        p.participantID = participants.length + 1;
        $('#p_select').append($("<option/>", {
            value: p.participantID,
            text: firstname + " " + surname
        }));
        participants.push(p);
        return p;
    }
    else {
        return participants[found - 1];
    }
}

// ---- res/js/ova-ctrl.js: findNodeIndex (verbatim)
function findNodeIndex(nodeID, last) {
  var last = typeof last !== 'undefined' ? last : false;
  if (last) {
    for (var i = nodes.length - 1; i >= 0; i--) {
      if (nodes[i]) {
        if (nodes[i].nodeID == nodeID) {
          return i;
        }
      }
    }
  } else {
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i]) {
        if (nodes[i].nodeID == nodeID) {
          return i;
        }
      }
    }
  }
  return -1;
}

// ---- res/js/ova-ctrl.js: AddNode (verbatim)
function AddNode(txt, type, scheme, pid, nid, nx, ny, visible, undone, timestamp, mark, post) {
  if (window.snapMode) {
    nx = snapToGrid(nx);
    ny = snapToGrid(ny);
  }
  var isVisible = typeof visible !== 'undefined' ? visible : true;
  var undone = typeof undone !== 'undefined' ? undone : 0;
  var timestamp = typeof timestamp !== 'undefined' ? timestamp : '';
  var mark = typeof mark !== 'undefined' ? mark : false;
  var post = typeof post !== 'undefined' ? post : true;
  newNode(nid, type, scheme, pid, txt, nx, ny, isVisible, undone, timestamp, mark, post); //create the node
  if (isVisible) {
    DrawNode(nid, type, txt, nx, ny, mark); //if the node is visible then draw the node on the svg

    if (type == 'L' && txt != "") { //create analyst nodes if they are needed
      //create YA analyst node
      window.nodeCounter++;
      var newNodeID = (window.nodeCounter + "_" + window.sessionid);
      var analysisYA = newNode(newNodeID, 'YA', '75', 0, 'Analysing', 0, 0, false);
      //create L analyst node
      window.nodeCounter++;
      newNodeID = (window.nodeCounter + "_" + window.sessionid);
      var analysisLTxt = window.afirstname + ': ' + txt;
      var analysisL = newNode(newNodeID, 'L', null, 0, analysisLTxt, 0, 0, false);
      //create edges to connect the analyst nodes
      newEdge(analysisYA.nodeID, nid, false);
      newEdge(analysisL.nodeID, analysisYA.nodeID, false);

      var username = ' ' + window.afirstname;
      if (users.indexOf(username) == -1) {
        users.push(username);
      }
    }
  }
}

// ---- res/js/ova-save.js: loadFile (verbatim)
async function loadFile(jstr, multi) {
    if (typeof jstr !== 'object') {
        try { var json = JSON.parse(jstr); }
        catch (e) { console.log(e); return false; }
    } else {
        var json = jstr;
    }

    var offset = 60;
    if (multi) {
        offset = calOffset('y', 150);
    } else {
        clearAnalysis(); //remove the previous analysis before loading the new analysis
    }

    var oplus = false;
    if ("plus" in getUrlVars()) {
        oplus = true;
    }

    if (json['OVA']) { //if in OVA3 format
        return await loadOva3Json(json, oplus, offset);
    } else if (json['nodes']) {
        var jnodes = json['nodes'];
        if (jnodes.length > 0 && !(jnodes[0].hasOwnProperty('x'))) { //if in db format
            return await loaddbjson(json, oplus, offset);
        } else if (jnodes.length > 0 && jnodes[0].hasOwnProperty('id')) { //if in OVA2 format
            return await loadOva2Json(json, oplus, offset);
        }
    }
    return false;
}

// ---- res/js/ova-save.js: loadOva3Json (verbatim)
async function loadOva3Json(json, oplus, offset) {
    console.log("loading OVA3 json");
    //load participants
    var p = json['AIF']['participants'];
    if (p != undefined) {
        for (var i = 0, l = p.length; i < l; i++) {
            firstname = p[i].firstname;
            surname = p[i].surname;
            addParticipant(firstname, surname);
        }
    }

    //load the analysis text or URL
    var text = false;
    if (json['text'].hasOwnProperty("txt")) {
        if (json['text']['txt'] != "") { text = loadText(json['text']['txt']); }
    }
    else if (json['text'] != "") {
        text = loadText(json['text']);
    }

    if (!text && json['OVA'].hasOwnProperty("url")) {
        loadUrl(json['OVA']['url']);
    }
    else if (!text && json['text'].hasOwnProperty("url")) {
        loadUrl(json['text']['url']);
    }

    //create the nodes
    var jnodes = json['AIF']['nodes'];
    var nodelist = {};
    var pID = 0;
    var toMark = [];
    for (var i = 0, l = jnodes.length; i < l; i++) {
        if (oplus) {
            if (jnodes[i].type == "L") {
                pID = findParticipantIDText(jnodes[i].text);
                nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, pID, jnodes[i].text, 0, 0, false, 1, "", false, false);
            } else {
                nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, 0, jnodes[i].text, 0, 0, false, 1, "", false, false);
            }
        } else if (jnodes[i].type == "I" || jnodes[i].type == "RA" || jnodes[i].type == "CA" || jnodes[i].type == "MA" || jnodes[i].type == "EN") {
            nodelist[jnodes[i].nodeID] = newNode(jnodes[i].nodeID, jnodes[i].type, null, 0, jnodes[i].text, 0, 0, false, 1, "", false, false);
            if (jnodes[i].type == "I" && text) {
                if (!hlUpdate(jnodes[i].nodeID, jnodes[i].type, jnodes[i].nodeID, false)) { toMark.push(jnodes[i].nodeID); } //store the node IDs that it failed to update for
            }
        }
    }

    window.nodeCounter += jnodes.length; //update the node counter
    if (!oplus && text) { postEdit("text", "edit", $('#analysis_text').html(), 1); }

    //set any scheme fulfillments
    var sf = json['AIF']['schemefulfillments'];
    if (sf != undefined) {
        for (var i = 0; i < sf.length; i++) {
            updateNodeScheme(sf[i].nodeID, sf[i].schemeID, 1, false);
        }
    }

    //set any descriptor fulfillments
    var df = json['AIF']['descriptorfulfillments'];
    if (df != undefined) {
        for (var i = 0; i < df.length; i++) {
            addNodeDescriptor(df[i].nodeID, false, df[i].descriptorID, null, df[i].selectedID, 1, false);
        }
    }

    //set any cq fulfillments
    var cqf = json['AIF']['cqdescriptorfulfillments'];
    if (cqf != undefined) {
        for (var i = 0; i < cqf.length; i++) {
            addNodeDescriptor(cqf[i].nodeID, true, cqf[i].descriptorID, null, cqf[i].selectedID, 1, false);
        }
    }

    //set the layout of the nodes and draw them on the svg
    var n = json['OVA']['nodes'];
    var newX = 0, newY = 0, tstamp, mark;
    var lowX = parseInt(n.reduce(minX).x);
    var lowY = parseInt(n.reduce(minY).y);
    for (var i = 0, l = n.length; i < l; i++) {
        if (nodelist[n[i].nodeID]) {
            if (n[i].visible) {
                newX = parseInt(n[i].x) - lowX + 150;
                newY = parseInt(n[i].y) + offset - lowY;
                mark = toMark.includes(n[i].nodeID);
                updateNode(n[i].nodeID, newX, newY, true, 1, false, nodelist[n[i].nodeID].type, nodelist[n[i].nodeID].scheme, nodelist[n[i].nodeID].text, "", mark);
                DrawNode(nodelist[n[i].nodeID].nodeID, nodelist[n[i].nodeID].type, nodelist[n[i].nodeID].text, nodelist[n[i].nodeID].x, nodelist[n[i].nodeID].y, mark);
                if (oplus && n[i].timestamp && n[i].timestamp != '') { //if in dialogical mode
                    tstamp = n[i].timestamp.split(" (")[0]; //remove the timezone name from the timestamp
                    updateTimestamp(n[i].nodeID, tstamp, 1, false);
                    if (window.showTimestamps && nodelist[n[i].nodeID].type == 'L') { DrawTimestamp(n[i].nodeID, tstamp, nodelist[n[i].nodeID].x, nodelist[n[i].nodeID].y); }
                }
            }
        }
    }

    //create and draw any connecting edges
    var edgeStart = edges.length;
    var e = json['OVA']['edges'];
    var edgeList = {};
    var from, to, id, indexF, indexT, visible;
    for (var i = 0, l = e.length; i < l; i++) {
        from = e[i].fromID;
        to = e[i].toID;
        id = from + "_" + to;
        if (from in nodelist && to in nodelist && !(id in edgeList)) { //if both the nodes the edge connects exist and the edge hasn't already been loaded
            indexF = findNodeIndex(from, true);
            indexT = findNodeIndex(to, true);
            visible = nodes[indexF].visible && nodes[indexT].visible ? true : false; //if the edge connects an invisible node it should also be invisible
            edgeList[id] = newEdge(from, to, visible, 1, false);
            if (visible) {
                DrawEdge(from, to);
                UpdateEdge(edgeList[id]);
            }
        }
    }

    if (toMark.length > 0) { hlReset(nodelist); }

    var nodeStart = findNodeIndex(jnodes[0].nodeID, true);
    return await postAddEdits(nodeStart, edgeStart);
}

// ---- res/js/ova-save.js: loaddbjson (verbatim)
async function loaddbjson(json, oplus, offset) {
    console.log("loading DB json");
    //load participants
    var p = json['participants'];
    if (p != undefined) {
        for (var i = 0, l = p.length; i < l; i++) {
            firstname = p[i].firstname;
            surname = p[i].surname;
            addParticipant(firstname, surname)
        }
    }

    //load nodes
    var nodelist = {};
    var xpos = 0;
    var ypos = 0;
    var jnodes = json['nodes'];
    var nID = "";
    var count = window.nodeCounter;
    var start, scheme;

    for (var i = 0, l = jnodes.length; i < l; i++) {
        node = jnodes[i];
        xpos = 50 + (i * 10);
        ypos = 50 + offset;

        if ((count + node.nodeID) > window.nodeCounter) {
            window.nodeCounter = (count + node.nodeID); //update the node counter
        }
        nID = ((count + node.nodeID) + "_" + window.sessionid);

        if (node.type == "CA") {
            scheme = $('#s_cscheme option').filter(function () { return $(this).text() == node.text; }).val();
            scheme = typeof scheme !== 'undefined' ? scheme : '71';
            nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
        } else if (node.type == "RA") {
            scheme = $('#s_ischeme option').filter(function () { return $(this).text() == node.text; }).val();
            scheme = typeof scheme !== 'undefined' ? scheme : '72';
            nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
        } else if (node.type == "I") {
            nodelist[nID] = AddNode(node.text, node.type, null, 0, nID, xpos, ypos, true, 1, "", false, false);
        } else if (node.type == "MA") {
            scheme = $('#s_mscheme option').filter(function () { return $(this).text() == node.text; }).val();
            scheme = typeof scheme !== 'undefined' ? scheme : '144';
            nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
        } else if (oplus) {
            if (node.type == "TA") {
                scheme = $('#s_tscheme option').filter(function () { return $(this).text() == node.text; }).val();
                scheme = typeof scheme !== 'undefined' ? scheme : '82';
                nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
            } else if (node.type == "YA") {
                if (node.text == 'Analysing') { //if an analyst node
                    nodelist[nID] = AddNode(node.text, node.type, '75', 0, nID, 0, 0, false, 1, "", false, false);
                } else {
                    scheme = $('#s_lscheme option').filter(function () { return $(this).text() == node.text; }).val();
                    scheme = typeof scheme !== 'undefined' ? scheme : '168';
                    nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
                }
            } else if (node.type == "PA") {
                scheme = $('#s_pscheme option').filter(function () { return $(this).text() == node.text; }).val();
                scheme = typeof scheme !== 'undefined' ? scheme : '161';
                nodelist[nID] = AddNode(node.text, node.type, scheme, 0, nID, xpos, ypos, true, 1, "", false, false);
            } else if (node.type == "L") {
                nodelist[nID] = newNode(nID, node.type, null, 0, node.text, 0, 0, false, 1, "", false, false); //to prevent duplicate analyst nodes
            }
        }

        if (i === 0) { start = findNodeIndex(nID, true); }
    }

    //set any scheme fulfillments
    var sf = json['schemefulfillments'];
    var newID = "";
    if (sf != undefined) {
        for (var i = 0; i < sf.length; i++) {
            newID = ((count + sf[i].nodeID) + "_" + window.sessionid);
            updateNodeScheme(newID, sf[i].schemeID, 1, false);
        }
    }

    //set any descriptor fulfillments
    var df = json['descriptorfulfillments'];
    var newSelected = "";
    if (df != undefined) {
        for (var i = 0; i < df.length; i++) {
            newID = ((count + df[i].nodeID) + "_" + window.sessionid);
            newSelected = ((count + df[i].selectedID) + "_" + window.sessionid);
            addNodeDescriptor(newID, false, df[i].descriptorID, null, newSelected, 1, false);
        }
    }

    //set any cq fulfillments
    var cqf = json['cqdescriptorfulfillments'];
    if (cqf != undefined) {
        for (var i = 0; i < cqf.length; i++) {
            newID = ((count + cqf[i].nodeID) + "_" + window.sessionid);
            newSelected = ((count + cqf[i].selectedID) + "_" + window.sessionid);
            addNodeDescriptor(newID, true, cqf[i].descriptorID, null, newSelected, 1, false);
        }
    }

    //set any timestamps and update the locutions
    var l = json['locutions'];
    var r = /\d{4}-\d{2}-\d{2}\s\d{2}:\d{2}:\d{2}/;
    var timestamp, start, tstamp, tsd, index, x;
    var y = 50 + offset;
    var participant = null;
    var pName = [];
    if (l != undefined) {
        for (var i = 0; i < l.length; i++) {
            newID = ((count + l[i].nodeID) + "_" + window.sessionid);
            index = findNodeIndex(newID);
            if (index > -1) { //if the node has been loaded
                pName = getParticipantName(nodes[index].text);
                participant = addParticipant(pName[0], pName[1]);
                nodes[index].participantID = participant.participantID;

                x = 50 + (i * 10);
                updateNode(newID, x, y, true, 1, false);
                DrawNode(newID, nodes[index].type, nodes[index].text, x, y);

                //set timestamp
                test = r.test(l[i].start);
                if (test) { //if a valid date time stamp
                    start = l[i].start.split(" ", 2); //split date and time
                    tstamp = new Date(start[0] + "T" + start[1] + ".000Z"); //ISO string
                    tsd = new Date();
                    tsd.setTime(tstamp);
                    timestamp = tsd.toString().split(" (")[0];
                    updateTimestamp(newID, timestamp, 1, false);
                    if (window.showTimestamps) {
                        DrawTimestamp(nodes[index].nodeID, nodes[index].timestamp, nodes[index].x, nodes[index].y);
                    }
                } else { console.log("invalid date: '" + l[i].start + "'\nnode ID: " + newID); }
            }
        }
    }


    //load edges
    var edgeStart = edges.length;
    var e = json['edges'];
    var edgeList = {};
    var from, to, id, indexF, indexT, visible;
    for (var i = 0, l = e.length; i < l; i++) {
        from = ((count + e[i].fromID) + "_" + window.sessionid);
        to = ((count + e[i].toID) + "_" + window.sessionid);
        id = (count + e[i].fromID) + "_" + (count + e[i].toID);
        if (from in nodelist && to in nodelist && !(id in edgeList)) { //if both the nodes the edge connects exist and the edge hasn't already been loaded
            indexF = findNodeIndex(from, true);
            indexT = findNodeIndex(to, true);
            visible = nodes[indexF].visible && nodes[indexT].visible ? true : false; //if the edge connects an invisible node it should also be invisible
            edgeList[id] = newEdge(from, to, visible, 1, false);
            if (visible) {
                DrawEdge(from, to);
                UpdateEdge(edgeList[id]);
            }
        }
    }

    return await postAddEdits(start, edgeStart);
}

// ---- res/js/ova-save.js: minX (verbatim)
function minX(prev, curr) {
    if (!curr.visible) { return prev; }
    if (!prev.visible) { return curr; }
    return parseInt(prev.x) < parseInt(curr.x) ? prev : curr;
}

// ---- res/js/ova-save.js: minY (verbatim)
function minY(prev, curr) {
    if (!curr.visible) { return prev; }
    if (!prev.visible) { return curr; }
    return parseInt(prev.y) < parseInt(curr.y) ? prev : curr;
}

// ---- argmap's driver: load standard input as OVA's "Load analysis" does, print what OVA holds
var chunks = [];
process.stdin.on("data", function (c) { chunks.push(c); });
process.stdin.on("end", async function () {
    var loaded;
    try {
        loaded = await loadFile(Buffer.concat(chunks).toString("utf8"), false);
    } catch (e) {
        process.stdout.write(JSON.stringify({error: String(e && e.stack || e)}));
        return;
    }
    process.stdout.write(JSON.stringify({
        loaded: loaded,
        nodes: nodes.map(function (n) {
            return {nodeID: n.nodeID, type: n.type, scheme: n.scheme, participantID: n.participantID, text: n.text,
                    x: n.x, y: n.y, visible: n.visible, marked: n.marked};
        }),
        edges: edges.map(function (e) { return {fromID: e.fromID, toID: e.toID, visible: e.visible}; }),
        participants: participants.map(function (p) {
            return {participantID: p.participantID, firstname: p.firstname, surname: p.surname};
        }),
        text: analysisText, url: loadedUrl, spans: Array.from(spanIds),
    }));
});
